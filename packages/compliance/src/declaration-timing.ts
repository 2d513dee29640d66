import { addDays, daysUntilExpiry } from "./expiry-reminders";
import type { DueRule, ObligationReason, SkuObligationsInput } from "./sku-obligation-types";

export interface DueTiming {
  dueDate: string | null;
  dueRule: DueRule;
  reasons: ObligationReason[];
}

/**
 * When a SKU must have declared under a list in force, from its market status. A withdrawn SKU is
 * timed as the product it was while on the market; the caller decides what is left of it.
 */
export function declarationTiming(market: SkuObligationsInput["market"], effectiveDate: string | null, graceDays: number | null): DueTiming {
  if (market.status === "planned") return plannedTiming(market.plannedLaunchOn, effectiveDate);
  const since = market.onMarketSince;
  // Without the effective date nobody can tell whether the product was there first (grace) or not.
  if (effectiveDate === null) return { dueDate: null, dueRule: "unknown_fact", reasons: [{ code: "effective_date_unknown" }] };
  // An unknown market-entry date counts as "before": the grace period is the lenient reading we can
  // state, and the UI shows why.
  if (since === null || daysUntilExpiry(effectiveDate, since) > 0) {
    const reason: ObligationReason = { code: "on_market_before_effective", since, effectiveDate, graceDays };
    if (graceDays === null) return { dueDate: null, dueRule: "effective_plus_grace", reasons: [reason, { code: "grace_unknown" }] };
    return { dueDate: addDays(effectiveDate, graceDays), dueRule: "effective_plus_grace", reasons: [reason] };
  }
  // Placed on the market once the list applied: it should have been declared before.
  return { dueDate: since, dueRule: "on_market_entry", reasons: [{ code: "on_market_after_effective", since, effectiveDate }] };
}

function plannedTiming(launchOn: string | null, effectiveDate: string | null): DueTiming {
  const reasons: ObligationReason[] = [];
  if (launchOn === null) reasons.push({ code: "launch_date_unknown" });
  // A launch before the effective date would be due on the effective date, a later one on launch:
  // without the effective date the due date is not known.
  if (effectiveDate === null) reasons.push({ code: "effective_date_unknown" });
  if (launchOn === null || effectiveDate === null) return { dueDate: null, dueRule: "before_market", reasons };
  if (daysUntilExpiry(effectiveDate, launchOn) > 0) {
    return { dueDate: effectiveDate, dueRule: "before_market", reasons: [{ code: "launch_before_effective", plannedLaunchOn: launchOn, effectiveDate }] };
  }
  return { dueDate: launchOn, dueRule: "before_market", reasons };
}
