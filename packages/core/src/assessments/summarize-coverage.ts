import type { AssessmentStatusName } from "./assessment-input";
import type { TargetCatalog } from "./target-catalog";

export type StatusCounts = Record<AssessmentStatusName, number> & { needsReview: number };

export const emptyCounts = (): StatusCounts => ({
  not_started: 0,
  in_progress: 0,
  covered: 0,
  partial: 0,
  gap: 0,
  not_applicable: 0,
  needsReview: 0,
});

export interface SkuCoverage {
  byGroup: Record<string, StatusCounts>;
  total: StatusCounts;
  clauses: number;
  // Share of clauses settled (covered or not applicable), 0..1.
  progress: number;
}

// Folds a SKU's current assessments into per-group counts; a clause without a row counts as not started.
export function summarizeCoverage(
  target: TargetCatalog,
  rows: readonly { clauseId: string; status: AssessmentStatusName; needsReview: boolean }[],
): SkuCoverage {
  const groupOfClause = new Map(target.clauses.map((c) => [c.id, c.groupId]));
  const byGroup: Record<string, StatusCounts> = Object.fromEntries(target.groups.map((g) => [g.id, emptyCounts()]));
  const total = emptyCounts();
  const seen = new Set<string>();
  for (const row of rows) {
    const groupId = groupOfClause.get(row.clauseId);
    if (!groupId || seen.has(row.clauseId)) continue;
    seen.add(row.clauseId);
    for (const counts of [byGroup[groupId]!, total]) {
      counts[row.status] += 1;
      if (row.needsReview) counts.needsReview += 1;
    }
  }
  for (const clause of target.clauses) {
    if (seen.has(clause.id)) continue;
    byGroup[clause.groupId]!.not_started += 1;
    total.not_started += 1;
  }
  const clauses = target.clauses.length;
  return { byGroup, total, clauses, progress: clauses ? (total.covered + total.not_applicable) / clauses : 0 };
}
