import type { StatusCounts } from "@hopquy/core";
import type { Translate } from "@/i18n/translate";

// Settled states first, then the open ones; states with no clause are left out.
const ORDER = ["covered", "partial", "gap", "not_applicable", "in_progress", "not_started", "needsReview"] as const;

// "HQ11-G01: 3 covered, 1 gap, 2 not started" — the cell's tooltip and accessible name.
export function describeCounts(t: Translate, group: string, counts: StatusCounts): string {
  const parts = ORDER.filter((key) => counts[key] > 0).map((key) => t(`matrix.counts.${key}`, { count: counts[key] }));
  return t("matrix.cellLabel", { group, counts: parts.length ? parts.join(", ") : t("matrix.noClauses") });
}
