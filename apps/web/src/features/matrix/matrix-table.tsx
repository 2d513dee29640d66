import type { getComplianceMatrix, StatusCounts, TargetCatalog } from "@hopquy/core";
import Link from "next/link";
import { localized } from "@/i18n/localized";
import type { Locale, Translate } from "@/i18n/translate";
import { cellTone, TONE_CLASSES, TONE_GLYPHS } from "./cell-tone";
import { describeCounts } from "./describe-counts";
import { shortGroupTitle } from "./group-title";
import { ProgressBar } from "./progress-bar";
import { progressPercent } from "./progress-percent";
import { NeedsReviewBadge } from "./status-totals";

export type MatrixRow = Awaited<ReturnType<typeof getComplianceMatrix>>["rows"][number];
type Group = TargetCatalog["groups"][number];

const RISK_BADGES: Record<MatrixRow["sku"]["riskClass"], string> = {
  unclassified: "bg-slate-100 text-slate-600",
  low: "bg-emerald-50 text-emerald-800",
  medium: "bg-amber-50 text-amber-800",
  high: "bg-red-50 text-red-800",
};

// The first column (the SKU) stays in place while the eleven group columns scroll sideways.
export function MatrixTable({
  organizationSlug,
  groups,
  rows,
  t,
  locale,
}: {
  organizationSlug: string;
  groups: Group[];
  rows: MatrixRow[];
  t: Translate;
  locale: Locale;
}) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm" data-testid="matrix-scroll">
      <table className="min-w-full border-separate border-spacing-0 text-sm" data-testid="matrix-table">
        <caption className="sr-only">{t("matrix.caption")}</caption>
        <thead className="bg-slate-100 text-left align-bottom">
          <tr>
            <th scope="col" className="sticky left-0 z-20 min-w-60 border-r border-slate-200 bg-slate-100 p-3">
              {t("matrix.sku")}
            </th>
            <th scope="col" className="min-w-40 p-3" title={t("matrix.progressHelp")}>
              {t("matrix.progress")}
            </th>
            {groups.map((group) => {
              const title = localized(locale, group.titleVi, group.titleEn);
              return (
                <th key={group.id} scope="col" title={`${group.code} — ${title}`} className="min-w-28 p-2 font-normal" data-group={group.code}>
                  <span className="block font-mono text-xs font-semibold text-slate-800">{group.code}</span>
                  <span className="block text-xs leading-tight text-slate-600">{shortGroupTitle(title)}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sku.id} data-testid="matrix-row" data-sku-id={row.sku.id}>
              <SkuHeader organizationSlug={organizationSlug} row={row} t={t} />
              <td className="border-t border-slate-100 p-3">
                <ProgressBar
                  progress={row.coverage.progress}
                  label={t("matrix.progressLabel", { percent: progressPercent(row.coverage.progress) })}
                  testId="sku-progress"
                />
              </td>
              {groups.map((group) => (
                <MatrixCell
                  key={group.id}
                  href={`/${organizationSlug}/skus/${row.sku.id}#group-${group.code}`}
                  code={group.code}
                  counts={row.coverage.byGroup[group.id]}
                  t={t}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SkuHeader({ organizationSlug, row, t }: { organizationSlug: string; row: MatrixRow; t: Translate }) {
  const { sku, coverage } = row;
  return (
    <th scope="row" className="sticky left-0 z-10 border-t border-r border-slate-200 bg-white p-3 text-left align-top font-normal">
      <Link href={`/${organizationSlug}/skus/${sku.id}`} className="font-mono font-semibold text-brand-600 hover:underline" data-testid="matrix-sku-link">
        {sku.modelCode}
        {sku.hardwareRevision ? ` ${t("matrix.revision", { revision: sku.hardwareRevision })}` : ""}
      </Link>
      <p className="text-xs text-slate-600">
        {sku.brand} · {sku.family?.name ?? t("matrix.noFamily")}
      </p>
      <p className="mt-1 flex flex-wrap gap-1">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${RISK_BADGES[sku.riskClass]}`} data-risk={sku.riskClass}>
          {t("matrix.risk", { risk: t(`riskClasses.${sku.riskClass}`) })}
        </span>
        {coverage.total.needsReview > 0 ? <NeedsReviewBadge count={coverage.total.needsReview} t={t} /> : null}
      </p>
    </th>
  );
}

const NO_CLAUSES: StatusCounts = { not_started: 0, in_progress: 0, covered: 0, partial: 0, gap: 0, not_applicable: 0, needsReview: 0 };

function MatrixCell({ href, code, counts = NO_CLAUSES, t }: { href: string; code: string; counts?: StatusCounts; t: Translate }) {
  const tone = cellTone(counts);
  const clauses = counts.not_started + counts.in_progress + counts.covered + counts.partial + counts.gap + counts.not_applicable;
  const label = describeCounts(t, code, counts);
  return (
    <td className="border-t border-slate-100 p-1 text-center">
      <Link
        href={href}
        title={label}
        aria-label={label}
        data-testid="matrix-cell"
        data-group={code}
        data-tone={tone}
        className={`flex min-h-11 flex-col items-center justify-center rounded px-2 py-1 text-xs font-medium hover:brightness-95 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${TONE_CLASSES[tone]}`}
      >
        <span className="whitespace-nowrap tabular-nums">
          <span aria-hidden="true">{TONE_GLYPHS[tone]}</span> {counts.covered + counts.not_applicable}/{clauses}
        </span>
        {counts.needsReview > 0 ? (
          <span aria-hidden="true" className="text-[10px] leading-none text-purple-800">
            ↻ {counts.needsReview}
          </span>
        ) : null}
      </Link>
    </td>
  );
}
