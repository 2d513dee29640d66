import type { DeadlineState } from "./deadline-state";
import type { ResolvedRiskClass, RiskListRules, TriState } from "./risk-classification";

export type MarketStatus = "planned" | "on_market" | "withdrawn";
export type ObligationKind = "declaration" | "certification" | "redeclaration";

export interface ObligationInputDeclaration {
  id: string;
  filedOn: string;
  firmwareVersionId: string | null;
  route: "self_assessment" | "certification";
  status: "submitted" | "acknowledged" | "returned_for_correction" | "withdrawn";
}

export interface SkuObligationsInput {
  /** ISO date (Vietnamese calendar day): the injected clock. */
  today: string;
  /** The list in force; null = none published or not known. */
  list: RiskListRules | null;
  riskClass: ResolvedRiskClass;
  market: { status: MarketStatus; onMarketSince: string | null; plannedLaunchOn: string | null; withdrawnOn: string | null };
  firmware: { id: string; version: string; releaseDate: string | null }[];
  declarations: ObligationInputDeclaration[];
}

export type DueRule =
  | "list_unpublished"
  | "before_market"
  | "effective_plus_grace"
  | "on_market_entry"
  | "firmware_plus_days"
  | "unknown_fact"
  | "not_required";

/** Machine-readable why, translated by the UI: `{ code: "grace_unknown" }`, `{ code: "withdrawn_on", date }`. */
export interface ObligationReason {
  code: string;
  [param: string]: string | number | null;
}

export type ObligationSource = { kind: "risk_list"; listId: string; label: string; citation: string } | { kind: "timeline"; eventKey: "mps-camera-risk-list" };

export interface SkuObligation {
  /** Stable per SKU: "declaration", "certification", "redeclaration:<firmwareId>" (dedupe keys, iCalendar UIDs). */
  key: string;
  kind: ObligationKind;
  /** From the list's obligations for the class; unknown while the list is not published. */
  required: TriState;
  /** null = TBD / not dated. */
  dueDate: string | null;
  dueRule: DueRule;
  state: DeadlineState;
  /** dueDate - today in calendar days, negative when overdue; null without a date. */
  daysLeft: number | null;
  /** The declaration that satisfies it. */
  metBy: string | null;
  /** Redeclarations only. */
  firmwareVersionId: string | null;
  reasons: ObligationReason[];
  source: ObligationSource;
}
