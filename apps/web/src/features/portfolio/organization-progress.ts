// Share of all (SKU, clause) pairs that are settled (covered or not applicable); null when there is
// nothing to measure (no SKU, or no QCVN 11 catalog published).
export function organizationProgress(
  totals: { covered: number; not_applicable: number },
  skuCount: number,
  clauseCount: number,
): number | null {
  if (skuCount <= 0 || clauseCount <= 0) return null;
  return Math.min(1, (totals.covered + totals.not_applicable) / (skuCount * clauseCount));
}
