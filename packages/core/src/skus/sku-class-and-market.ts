// The SKU's manual risk class and market facts as stored: shared by create, update and import (pure).
import { z } from "zod";
import { dateOfIsoDay, isoToday } from "../assessments/today";
import { DEFAULT_RISK_CLASS_REASONS, type RiskClassSource } from "./sku-input";

type ManualClass = "low" | "medium" | "high";
type MarketStatus = "planned" | "on_market" | "withdrawn";

export interface MarketFacts {
  marketStatus: MarketStatus;
  onMarketSince: string | null;
  plannedLaunchOn: string | null;
  withdrawnOn: string | null;
}

export const manualClassOf = (riskClass: string | undefined): ManualClass | null =>
  riskClass === undefined || riskClass === "unclassified" ? null : (riskClass as ManualClass);

// Only the dates that mean something for the status are kept: a launched product has no planned
// launch, a product on the market no withdrawal date.
export function normalizeMarket(facts: MarketFacts): MarketFacts {
  const { marketStatus } = facts;
  return {
    marketStatus,
    onMarketSince: marketStatus === "planned" ? null : facts.onMarketSince,
    plannedLaunchOn: marketStatus === "planned" ? facts.plannedLaunchOn : null,
    withdrawnOn: marketStatus === "withdrawn" ? facts.withdrawnOn : null,
  };
}

// Problems as zod issues (path = the input field), so forms and the import show them per field.
export function marketIssues(facts: MarketFacts, today: string = isoToday()): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const issue = (field: keyof MarketFacts, message: string) => issues.push({ code: "custom", message, path: [field], input: facts[field] });
  if (facts.onMarketSince && facts.onMarketSince > today) issue("onMarketSince", "date_in_future");
  if (facts.marketStatus === "withdrawn") {
    if (!facts.withdrawnOn) issue("withdrawnOn", "withdrawn_date_required");
    else if (facts.withdrawnOn > today) issue("withdrawnOn", "date_in_future");
    else if (facts.onMarketSince && facts.withdrawnOn < facts.onMarketSince) issue("withdrawnOn", "withdrawn_before_on_market");
  }
  return issues;
}

export function assertMarketFacts(facts: MarketFacts): MarketFacts {
  const normalized = normalizeMarket(facts);
  const issues = marketIssues(normalized);
  if (issues.length) throw new z.ZodError(issues);
  return normalized;
}

export const marketColumns = (facts: MarketFacts) => ({
  marketStatus: facts.marketStatus,
  onMarketSince: dateOfIsoDay(facts.onMarketSince),
  plannedLaunchOn: dateOfIsoDay(facts.plannedLaunchOn),
  withdrawnOn: dateOfIsoDay(facts.withdrawnOn),
});

// The columns of a newly set manual class (null class = the list decides; nothing to attribute).
export function manualClassColumns(manual: ManualClass | null, reason: string | null | undefined, source: RiskClassSource, actor: { userEmail: string }, now: Date) {
  if (manual === null) return { riskClassManual: null, riskClassReason: null, riskClassSetByEmail: null, riskClassSetAt: null };
  return { riskClassManual: manual, riskClassReason: reason || DEFAULT_RISK_CLASS_REASONS[source], riskClassSetByEmail: actor.userEmail, riskClassSetAt: now };
}
