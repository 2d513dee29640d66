/**
 * Which risk class a product has under a ministry's risk list (Law 78/2025, Decree 37/2026).
 *
 * - Only a list in force classifies: not_published and superseded lists classify nothing.
 * - HS codes compare as digits ("8525.89.10" = "85258910"); an entry's prefix matches every code that
 *   starts with it. An entry with both an HS prefix and a category matches only when both match;
 *   categories compare trimmed and case-insensitively.
 * - The most specific matching entry wins: the longer HS prefix first, then an entry that also names the
 *   category over one that does not; an entry with a category only is the least specific.
 * - Equally specific matches with different classes: the highest class, flagged ambiguous (a list that
 *   contradicts itself must not lower the obligations).
 * - A class set by hand wins over the list; a disagreement is flagged as a conflict for review.
 *
 * Types are structural on purpose: this package does not depend on @hopquy/catalog.
 */

export type TriState = "yes" | "no" | "unknown";
export type ListedRiskClass = "low" | "medium" | "high";
export type EffectiveRiskClass = ListedRiskClass | "unclassified";

export interface RiskClassObligationRules {
  declarationRequired: TriState;
  certificationRequired: TriState;
  /** For products already on the market when the list takes effect; null = unknown. */
  gracePeriodDays: number | null;
  redeclareOnNewFirmware: TriState;
  redeclareWithinDays: number | null;
}

export interface RiskListRules {
  /** The stored list revision id. */
  id: string;
  /** e.g. "Circular 125/2026/TT-BCA (revision 2)". */
  label: string;
  status: "not_published" | "published" | "amended" | "superseded";
  /** ISO date, null = TBD. */
  publicationDate: string | null;
  effectiveDate: string | null;
  /** Citation text. */
  source: string;
  entries: { id: string; hsCodePrefix?: string; category?: string; riskClass: ListedRiskClass }[];
  obligations: Partial<Record<ListedRiskClass, RiskClassObligationRules>>;
}

export interface RiskListMatch {
  riskClass: ListedRiskClass;
  entryId: string;
  matchedBy: "hs_code" | "category" | "hs_code_and_category";
  ambiguous: boolean;
}

export interface ResolvedRiskClass {
  riskClass: EffectiveRiskClass;
  origin: "manual" | "list" | "none";
  listRiskClass: ListedRiskClass | null;
  listEntryId: string | null;
  /** Set by hand and the list classifies differently. */
  conflict: boolean;
}

export const RISK_CLASS_RANK: Record<ListedRiskClass, number> = { low: 1, medium: 2, high: 3 };

/** Digits only ("8525.89.10" -> "85258910"); null unless 2–10 digits remain after removing dots and spaces. */
export function normalizeHsCode(code: string): string | null {
  const digits = code.replace(/[.\s]/g, "");
  return /^\d{2,10}$/.test(digits) ? digits : null;
}

/** True when the list's classes and obligations apply (published, or amended since). */
export function isListInForce(list: RiskListRules | null): list is RiskListRules {
  return list !== null && (list.status === "published" || list.status === "amended");
}

const normalizeCategory = (category: string | null | undefined): string | null => {
  const trimmed = category?.trim().toLowerCase();
  return trimmed ? trimmed : null;
};

interface Candidate {
  entry: RiskListRules["entries"][number];
  prefixLength: number;
  withCategory: boolean;
}

export function classifyProduct(product: { hsCode: string | null; category: string | null }, list: RiskListRules | null): RiskListMatch | null {
  if (!isListInForce(list)) return null;
  const hsCode = product.hsCode === null ? null : normalizeHsCode(product.hsCode);
  const category = normalizeCategory(product.category);

  const candidates: Candidate[] = [];
  for (const entry of list.entries) {
    const prefix = entry.hsCodePrefix === undefined ? undefined : normalizeHsCode(entry.hsCodePrefix);
    const entryCategory = entry.category === undefined ? undefined : normalizeCategory(entry.category);
    // A malformed prefix or an empty entry matches nothing rather than everything.
    if (prefix === null || entryCategory === null || (prefix === undefined && entryCategory === undefined)) continue;
    if (prefix !== undefined && (hsCode === null || !hsCode.startsWith(prefix))) continue;
    if (entryCategory !== undefined && entryCategory !== category) continue;
    candidates.push({ entry, prefixLength: prefix?.length ?? 0, withCategory: entryCategory !== undefined });
  }
  if (candidates.length === 0) return null;

  const specificity = (c: Candidate) => c.prefixLength * 2 + (c.withCategory ? 1 : 0);
  const best = Math.max(...candidates.map(specificity));
  const tied = candidates.filter((c) => specificity(c) === best);
  const highest = Math.max(...tied.map((c) => RISK_CLASS_RANK[c.entry.riskClass]));
  // List order picks among equal entries, so the answer does not depend on anything else.
  const winner = tied.find((c) => RISK_CLASS_RANK[c.entry.riskClass] === highest)!;
  return {
    riskClass: winner.entry.riskClass,
    entryId: winner.entry.id,
    matchedBy: winner.prefixLength === 0 ? "category" : winner.withCategory ? "hs_code_and_category" : "hs_code",
    ambiguous: tied.some((c) => c.entry.riskClass !== winner.entry.riskClass),
  };
}

export function resolveRiskClass(input: { listMatch: RiskListMatch | null; manual: ListedRiskClass | null }): ResolvedRiskClass {
  const { listMatch, manual } = input;
  const fromList = { listRiskClass: listMatch?.riskClass ?? null, listEntryId: listMatch?.entryId ?? null };
  if (manual !== null) return { riskClass: manual, origin: "manual", ...fromList, conflict: listMatch !== null && listMatch.riskClass !== manual };
  if (listMatch !== null) return { riskClass: listMatch.riskClass, origin: "list", ...fromList, conflict: false };
  return { riskClass: "unclassified", origin: "none", ...fromList, conflict: false };
}
