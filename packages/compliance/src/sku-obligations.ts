import { declarationTiming, type DueTiming } from "./declaration-timing";
import { deadlineState } from "./deadline-state";
import { daysUntilExpiry } from "./expiry-reminders";
import { redeclarationObligations } from "./redeclaration-obligations";
import { isListInForce, type RiskClassObligationRules, type RiskListRules, type TriState } from "./risk-classification";
import type { ObligationInputDeclaration, ObligationReason, ObligationSource, SkuObligation, SkuObligationsInput } from "./sku-obligation-types";

/**
 * What one SKU must file under the MPS risk list, and by when. Pure: `today` is an argument.
 *
 * 1. No list in force (null, not_published, or superseded with no successor given): one "declaration",
 *    required unknown, dueRule list_unpublished, state tbd, source the timeline event
 *    mps-camera-risk-list, reason list_unpublished. A filed declaration still shows it met.
 * 2. List in force, class "unclassified" (not on the list, no manual class): one declaration, required
 *    unknown, dueRule unknown_fact, state tbd (or met), reason not_classified.
 * 3. Class whose declarationRequired is "no": one declaration with state not_required (reason
 *    declaration_not_required); no certification and no re-declaration.
 * 4. declarationRequired yes or unknown (unknown: required unknown, reason
 *    declaration_requirement_unknown, dated all the same):
 *    - planned: due on plannedLaunchOn (before_market), but never before the effective date
 *      (launch_before_effective); no launch date → tbd, launch_date_unknown; no effective date → tbd,
 *      effective_date_unknown (the due date depends on which comes first).
 *    - on the market since before the effective date, or since an unknown date: due effective date +
 *      grace (effective_plus_grace, reason on_market_before_effective); grace unknown → tbd,
 *      grace_unknown.
 *    - on the market since the effective date or later: due on onMarketSince (on_market_entry, reason
 *      on_market_after_effective); it should have been declared before.
 *    - effective date unknown for a product on the market: tbd, unknown_fact, effective_date_unknown.
 * 5. certificationRequired yes or unknown: a "certification" with the declaration's due date, met by a
 *    declaration whose route is certification (reason certification_requirement_unknown if unknown).
 * 6. Met: any declaration whose status is not withdrawn meets the declaration (the earliest by filedOn,
 *    then id, is metBy). List revisions are not looked at: a declaration made before an amendment
 *    stays met, while a duty the amendment adds (certification after medium → high) shows open.
 * 7. Re-declaration (redeclareOnNewFirmware yes or unknown, only once the declaration is met): one
 *    "redeclaration:<firmwareId>" per firmware released after the first declaration, or with an
 *    unknown release date (tbd, release_date_unknown), except the firmware that declaration names.
 *    Due release date + redeclareWithinDays (unknown → tbd, redeclare_days_unknown); met by a
 *    declaration naming the firmware or filed on/after its release.
 * 8. Withdrawn SKU: only what was already overdue when it left the market stays — a dated, unmet
 *    obligation whose due date is before withdrawnOn — with state overdue and reason withdrawn_on.
 *    Everything else (withdrawn on or before the due date, before the effective date, with an unknown
 *    withdrawal date, undated or met) is dropped: a product off the market owes nothing new.
 * 9. States come from deadlineState; daysLeft = dueDate - today whenever dated. Order: declaration,
 *    certification, re-declarations by release date (unknown last) then firmware id. Input order
 *    never matters. Malformed ISO dates throw.
 */
export function deriveSkuObligations(input: SkuObligationsInput): SkuObligation[] {
  assertIsoDays(input);
  const declarations = input.declarations.filter((d) => d.status !== "withdrawn").sort(byFiledOn);
  const obligations = isListInForce(input.list) ? underList(input, input.list, declarations) : [withoutList(input, declarations)];
  if (input.market.status !== "withdrawn") return obligations;
  return obligations.flatMap((obligation) => leftAfterWithdrawal(obligation, input.market.withdrawnOn));
}

const TIMELINE_SOURCE: ObligationSource = { kind: "timeline", eventKey: "mps-camera-risk-list" };

const UNKNOWN_RULES: RiskClassObligationRules = {
  declarationRequired: "unknown",
  certificationRequired: "unknown",
  gracePeriodDays: null,
  redeclareOnNewFirmware: "unknown",
  redeclareWithinDays: null,
};

function withoutList(input: SkuObligationsInput, declarations: readonly ObligationInputDeclaration[]): SkuObligation {
  const timing: DueTiming = { dueDate: null, dueRule: "list_unpublished", reasons: [{ code: "list_unpublished" }] };
  return declaration(input.today, "unknown", timing, declarations[0]?.id ?? null, TIMELINE_SOURCE);
}

function underList(input: SkuObligationsInput, list: RiskListRules, declarations: readonly ObligationInputDeclaration[]): SkuObligation[] {
  const source: ObligationSource = { kind: "risk_list", listId: list.id, label: list.label, citation: list.source };
  const firstDeclaration = declarations[0]?.id ?? null;
  const riskClass = input.riskClass.riskClass;
  if (riskClass === "unclassified") {
    const timing: DueTiming = { dueDate: null, dueRule: "unknown_fact", reasons: [{ code: "not_classified" }] };
    return [declaration(input.today, "unknown", timing, firstDeclaration, source)];
  }

  // A class the list names without obligations has every fact unknown.
  const rules = list.obligations[riskClass] ?? UNKNOWN_RULES;
  if (rules.declarationRequired === "no") {
    const timing: DueTiming = { dueDate: null, dueRule: "not_required", reasons: [{ code: "declaration_not_required", riskClass }] };
    return [{ ...declaration(input.today, "no", timing, null, source), state: "not_required" }];
  }

  const timing = declarationTiming(input.market, list.effectiveDate, rules.gracePeriodDays);
  const requirementReasons: ObligationReason[] = rules.declarationRequired === "unknown" ? [{ code: "declaration_requirement_unknown" }] : [];
  const result = [declaration(input.today, rules.declarationRequired, { ...timing, reasons: [...timing.reasons, ...requirementReasons] }, firstDeclaration, source)];

  if (rules.certificationRequired !== "no") {
    const certified = declarations.find((d) => d.route === "certification")?.id ?? null;
    const reasons: ObligationReason[] = rules.certificationRequired === "unknown" ? [{ code: "certification_requirement_unknown" }] : [];
    result.push({ ...declaration(input.today, rules.certificationRequired, { ...timing, reasons: [...timing.reasons, ...reasons] }, certified, source), key: "certification", kind: "certification" });
  }
  result.push(...redeclarationObligations({ today: input.today, rules, firmware: input.firmware, declarations, source }));
  return result;
}

function declaration(today: string, required: TriState, timing: DueTiming, metBy: string | null, source: ObligationSource): SkuObligation {
  return {
    key: "declaration",
    kind: "declaration",
    required,
    dueDate: timing.dueDate,
    dueRule: timing.dueRule,
    ...deadlineState(timing.dueDate, today, metBy !== null),
    metBy,
    firmwareVersionId: null,
    reasons: timing.reasons,
    source,
  };
}

function leftAfterWithdrawal(obligation: SkuObligation, withdrawnOn: string | null): SkuObligation[] {
  if (withdrawnOn === null || obligation.dueDate === null || obligation.metBy !== null || obligation.state === "not_required") return [];
  if (daysUntilExpiry(withdrawnOn, obligation.dueDate) <= 0) return [];
  return [{ ...obligation, state: "overdue", reasons: [...obligation.reasons, { code: "withdrawn_on", date: withdrawnOn }] }];
}

function byFiledOn(a: ObligationInputDeclaration, b: ObligationInputDeclaration): number {
  return daysUntilExpiry(a.filedOn, b.filedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// Every date is checked up front, so a malformed one throws even where this SKU's rules do not read it.
function assertIsoDays(input: SkuObligationsInput): void {
  const { market, list } = input;
  const dates = [input.today, list?.publicationDate, list?.effectiveDate, market.onMarketSince, market.plannedLaunchOn, market.withdrawnOn];
  for (const date of [...dates, ...input.firmware.map((fw) => fw.releaseDate), ...input.declarations.map((d) => d.filedOn)]) {
    if (date !== null && date !== undefined) daysUntilExpiry(date, date);
  }
}
