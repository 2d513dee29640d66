import { CAPABILITIES, CAPABILITY_KEYS, conditionHolds, type ApplicabilityProfile } from "./applicability-profile";

/**
 * Status of each target clause for ONE SKU at its current firmware, derived from its evidence.
 *
 * 1. Applicability: a clause applies only when ALL its ETSI Annex B conditions hold. A condition that is
 *    definitely false makes it not_applicable, which wins over evidence; an unanswered one never does.
 * 2. Firmware: a link scoped to null ("all firmware") or to the current firmware applies; a link only at
 *    other firmware applies when the evidence is not firmware-dependent, otherwise its verdict is
 *    "other_firmware" and the clause needs reverification. No firmware registered = no current firmware.
 * 3. Review: rejected never counts; accepted counts through its expiry date inclusive, then is "expired";
 *    draft / submitted is "pending_review".
 * 4. Status: any "counts" → covered; else any "pending_review" → in_progress; else not_started.
 * 5. Deterministic: independent of input order; evidence rows and links given twice are merged.
 * 6. Dates are ISO "YYYY-MM-DD" and compare as strings; a malformed date throws.
 */

export type EvidenceReviewState = "draft" | "submitted" | "accepted" | "rejected";

export interface DerivationClause {
  id: string;
  code: string;
  /** ETSI Annex B condition numbers; empty = unconditional. */
  conditions: readonly number[];
}

export interface DerivationEvidence {
  id: string;
  title: string;
  reviewState: EvidenceReviewState;
  /** ISO date "YYYY-MM-DD", last day the evidence is valid; null = never expires. */
  expiryDate: string | null;
  firmwareDependent: boolean;
  /** Clauses this evidence is linked to; ids of clauses not in the input are ignored. */
  clauseIds: readonly string[];
  /** How it is linked to this SKU: firmware version ids, null = all firmware versions of the SKU. */
  firmwareScopes: readonly (string | null)[];
}

export interface DerivationInput {
  clauses: readonly DerivationClause[];
  evidence: readonly DerivationEvidence[];
  profile: ApplicabilityProfile;
  /** The SKU's current (newest) firmware; null if none is registered. */
  currentFirmwareId: string | null;
  /** ISO date "YYYY-MM-DD". */
  today: string;
}

export type DerivedStatus = "not_started" | "in_progress" | "covered" | "not_applicable";
export type EvidenceVerdict = "counts" | "pending_review" | "rejected" | "expired" | "other_firmware";

export interface ExplainedEvidence {
  id: string;
  title: string;
  verdict: EvidenceVerdict;
}

export interface AssessmentExplanation {
  /** Every evidence linked to the clause, sorted by id (code-unit order, not locale order). */
  evidence: ExplainedEvidence[];
  /** Conditions that definitely do not hold, ascending. */
  unmetConditions: number[];
  /** Conditions not yet answered in the profile, ascending. */
  unknownConditions: number[];
}

export interface DerivedAssessment {
  clauseId: string;
  status: DerivedStatus;
  /** English reason for not_applicable, else null; the UI translates from unmetConditions instead. */
  reason: string | null;
  explanation: AssessmentExplanation;
  /** Some linked firmware-dependent evidence is only for other firmware (always false when not_applicable). */
  needsReverification: boolean;
}

const PROGRESS_RANK = { not_started: 0, in_progress: 1, covered: 2 } as const;

// Progress order not_started < in_progress < covered; not_applicable is outside it (null).
export function statusRank(status: DerivedStatus): number | null {
  return status === "not_applicable" ? null : PROGRESS_RANK[status];
}

export function deriveClauseAssessments(input: DerivationInput): DerivedAssessment[] {
  if (!isIsoDate(input.today)) {
    throw new Error(`deriveClauseAssessments: today must be an ISO date "YYYY-MM-DD", got ${JSON.stringify(input.today)}`);
  }
  // Merged evidence is sorted by id, so each clause's list is too.
  const byClause = new Map<string, ExplainedEvidence[]>();
  for (const e of mergeEvidence(input.evidence)) {
    const verdict = verdictFor(e, input.currentFirmwareId, input.today);
    for (const clauseId of e.clauseIds) {
      const list = byClause.get(clauseId) ?? [];
      list.push({ id: e.id, title: e.title, verdict });
      byClause.set(clauseId, list);
    }
  }

  return input.clauses.map((clause): DerivedAssessment => {
    const conditions = [...new Set(clause.conditions)].sort((a, b) => a - b);
    const unmetConditions = conditions.filter((c) => conditionHolds(input.profile, c) === false);
    const unknownConditions = conditions.filter((c) => conditionHolds(input.profile, c) === undefined);
    // Fresh objects per result, so a caller mutating one assessment cannot affect another.
    const explained = (byClause.get(clause.id) ?? []).map((e) => ({ ...e }));
    const explanation = { evidence: explained, unmetConditions, unknownConditions };

    if (unmetConditions.length > 0) {
      return { clauseId: clause.id, status: "not_applicable", reason: notApplicableReason(unmetConditions), explanation, needsReverification: false };
    }
    const has = (verdict: EvidenceVerdict) => explained.some((e) => e.verdict === verdict);
    const status: DerivedStatus = has("counts") ? "covered" : has("pending_review") ? "in_progress" : "not_started";
    return { clauseId: clause.id, status, reason: null, explanation, needsReverification: has("other_firmware") };
  });
}

interface MergedEvidence {
  id: string;
  title: string;
  reviewState: EvidenceReviewState;
  expiryDate: string | null;
  firmwareDependent: boolean;
  clauseIds: Set<string>;
  firmwareScopes: Set<string | null>;
}

const REVIEW_STATES: readonly string[] = ["draft", "submitted", "accepted", "rejected"] satisfies EvidenceReviewState[];

// Callers may pass one row per SKU link; rows with the same id are merged, but must agree on the evidence
// itself. Problems are collected and sorted so the error does not depend on input order.
function mergeEvidence(rows: readonly DerivationEvidence[]): MergedEvidence[] {
  const byId = new Map<string, MergedEvidence>();
  const problems = new Set<string>();
  for (const row of rows) {
    if (!REVIEW_STATES.includes(row.reviewState)) problems.add(`evidence ${row.id}: unknown review state ${JSON.stringify(row.reviewState)}`);
    if (row.expiryDate !== null && !isIsoDate(row.expiryDate)) {
      problems.add(`evidence ${row.id}: expiryDate must be an ISO date "YYYY-MM-DD" or null, got ${JSON.stringify(row.expiryDate)}`);
    }
    const existing = byId.get(row.id);
    if (!existing) {
      byId.set(row.id, { ...row, clauseIds: new Set(row.clauseIds), firmwareScopes: new Set(row.firmwareScopes) });
      continue;
    }
    if (
      existing.title !== row.title ||
      existing.reviewState !== row.reviewState ||
      existing.expiryDate !== row.expiryDate ||
      existing.firmwareDependent !== row.firmwareDependent
    ) {
      problems.add(`evidence ${row.id}: given twice with different title, review state, expiry date or firmware dependence`);
    }
    for (const clauseId of row.clauseIds) existing.clauseIds.add(clauseId);
    for (const scope of row.firmwareScopes) existing.firmwareScopes.add(scope);
  }
  for (const e of byId.values()) {
    if (e.firmwareScopes.size === 0) problems.add(`evidence ${e.id}: not linked to the SKU (no firmware scope)`);
  }
  if (problems.size > 0) throw new Error(`deriveClauseAssessments: invalid evidence: ${[...problems].sort().join("; ")}`);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function verdictFor(e: MergedEvidence, currentFirmwareId: string | null, today: string): EvidenceVerdict {
  return evidenceVerdict(e, currentFirmwareId, today);
}

// Whether one piece of evidence counts for a SKU at its current firmware today (shared with re-mapping).
export function evidenceVerdict(
  e: { reviewState: EvidenceReviewState; expiryDate: string | null; firmwareDependent: boolean; firmwareScopes: ReadonlySet<string | null> },
  currentFirmwareId: string | null,
  today: string,
): EvidenceVerdict {
  const appliesToCurrentFirmware =
    !e.firmwareDependent || e.firmwareScopes.has(null) || (currentFirmwareId !== null && e.firmwareScopes.has(currentFirmwareId));
  if (!appliesToCurrentFirmware) return "other_firmware";
  switch (e.reviewState) {
    case "rejected":
      return "rejected";
    case "accepted":
      return e.expiryDate !== null && e.expiryDate < today ? "expired" : "counts";
    case "draft":
    case "submitted":
      return "pending_review";
  }
}

export function notApplicableReason(unmet: readonly number[]): string {
  const described = unmet.map((c) => `${c} ("${conditionLabel(c)}")`);
  const list = described.length === 1 ? described[0] : `${described.slice(0, -1).join(", ")} and ${described.at(-1)}`;
  return unmet.length === 1
    ? `Not applicable: condition ${list} does not hold.`
    : `Not applicable: conditions ${list} do not hold.`;
}

function conditionLabel(condition: number): string {
  if (condition === 5) return "The device is not constrained";
  const key = CAPABILITY_KEYS.find((k) => CAPABILITIES[k].condition === condition);
  return key ? CAPABILITIES[key].label.en : `ETSI condition ${condition}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: unknown): value is string {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}
