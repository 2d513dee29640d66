import type { EffectiveRiskClass, ResolvedRiskClass, RiskClassObligationRules, RiskListRules } from "../risk-classification";
import type { ObligationInputDeclaration, SkuObligationsInput } from "../sku-obligation-types";
import { publishedRules } from "./risk-list-rules";

/** Inputs for deriveSkuObligations tests: a medium SKU on the market since before the test list's effective date. */
export const TODAY = "2027-02-01";
export const BEFORE_EFFECTIVE = "2026-08-01";

export function resolved(riskClass: EffectiveRiskClass): ResolvedRiskClass {
  if (riskClass === "unclassified") return { riskClass, origin: "none", listRiskClass: null, listEntryId: null, conflict: false };
  return { riskClass, origin: "list", listRiskClass: riskClass, listEntryId: `entry-${riskClass}`, conflict: false };
}

export function declared(id: string, filedOn: string, extra: Partial<ObligationInputDeclaration> = {}): ObligationInputDeclaration {
  return { id, filedOn, firmwareVersionId: null, route: "self_assessment", status: "submitted", ...extra };
}

export const fw = (id: string, releaseDate: string | null) => ({ id, version: `v-${id}`, releaseDate });

export interface InputOverrides {
  today?: string;
  list?: RiskListRules | null;
  riskClass?: EffectiveRiskClass | ResolvedRiskClass;
  market?: Partial<SkuObligationsInput["market"]>;
  firmware?: SkuObligationsInput["firmware"];
  declarations?: ObligationInputDeclaration[];
}

export function skuInput(overrides: InputOverrides = {}): SkuObligationsInput {
  const riskClass = overrides.riskClass ?? "medium";
  return {
    today: overrides.today ?? TODAY,
    list: overrides.list === undefined ? publishedRules() : overrides.list,
    riskClass: typeof riskClass === "string" ? resolved(riskClass) : riskClass,
    market: { status: "on_market", onMarketSince: BEFORE_EFFECTIVE, plannedLaunchOn: null, withdrawnOn: null, ...overrides.market },
    firmware: overrides.firmware ?? [fw("fw-1", "2026-06-01")],
    declarations: overrides.declarations ?? [],
  };
}

export const withMedium = (change: Partial<RiskClassObligationRules>): RiskListRules => {
  const list = publishedRules();
  return { ...list, obligations: { ...list.obligations, medium: { ...list.obligations.medium!, ...change } } };
};

