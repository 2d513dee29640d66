import type { AssessmentStatusName, StatusCounts } from "@hopquy/core";
import type { Translate } from "@/i18n/translate";

const ORDER: readonly AssessmentStatusName[] = ["covered", "partial", "gap", "not_applicable", "in_progress", "not_started"];

export const STATUS_SWATCHES: Record<AssessmentStatusName, string> = {
  covered: "bg-green-500",
  partial: "bg-amber-400",
  gap: "bg-red-500",
  not_applicable: "bg-green-200",
  in_progress: "bg-blue-400",
  not_started: "bg-slate-300",
};

// Clause assessments per state (organization-wide totals), plus how many need re-verification.
export function StatusTotals({ totals, label, t, testId }: { totals: StatusCounts; label: string; t: Translate; testId?: string }) {
  return (
    <dl aria-label={label} className="flex flex-wrap gap-x-5 gap-y-2 text-sm" data-testid={testId}>
      {ORDER.map((status) => (
        <div key={status} className="flex items-center gap-1.5" data-status={status}>
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${STATUS_SWATCHES[status]}`} />
          <dt className="text-slate-600">{t(`matrix.status.${status}`)}</dt>
          <dd className="font-semibold tabular-nums">{totals[status]}</dd>
        </div>
      ))}
      {totals.needsReview > 0 ? (
        <div className="flex items-center gap-1.5" data-status="needs_review">
          <span aria-hidden="true" className="text-purple-700">↻</span>
          <dt className="text-slate-600">{t("matrix.status.needs_review")}</dt>
          <dd className="font-semibold tabular-nums text-purple-800">{totals.needsReview}</dd>
        </div>
      ) : null}
    </dl>
  );
}

// The marker a SKU (or a cell) gets when evidence behind a decision changed and it must be checked again.
export function NeedsReviewBadge({ count, t }: { count: number; t: Translate }) {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-purple-100 px-1.5 py-0.5 text-xs font-medium text-purple-800" data-testid="needs-review">
      <span aria-hidden="true">↻</span>
      {t("matrix.counts.needsReview", { count })}
    </span>
  );
}
