import type { getPortfolio } from "@hopquy/core";
import Link from "next/link";
import { ProgressBar } from "@/features/matrix/progress-bar";
import { progressPercent } from "@/features/matrix/progress-percent";
import { NeedsReviewBadge, StatusTotals } from "@/features/matrix/status-totals";
import type { Translate } from "@/i18n/translate";
import { organizationProgress } from "./organization-progress";

export type PortfolioEntry = Awaited<ReturnType<typeof getPortfolio>>[number];

// One client organization: who I am there, how far it is overall, and its latest SKUs.
export function OrganizationSummary({ entry, t }: { entry: PortfolioEntry; t: Translate }) {
  const { organization, skuCount, totals, clauseCount, skus, hasMore } = entry;
  const progress = organizationProgress(totals, skuCount, clauseCount);
  const matrixHref = `/${organization.slug}/matrix`;
  return (
    <section
      className="space-y-4 rounded-lg bg-white p-5 shadow-sm"
      aria-labelledby={`org-${organization.id}`}
      data-testid="portfolio-organization"
      data-slug={organization.slug}
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-xs text-slate-500">{t(`kinds.${organization.kind}`)}</p>
          <h2 id={`org-${organization.id}`} className="text-xl font-semibold">
            <Link href={`/${organization.slug}`} className="hover:underline">
              {organization.name}
            </Link>
          </h2>
          <p className="text-sm text-slate-600">
            <span data-testid="portfolio-role">{t("portfolio.role", { role: t(`roles.${organization.role}`) })}</span>
            {" · "}
            <span data-testid="portfolio-sku-count">{skuCount === 1 ? t("portfolio.skuCountOne") : t("portfolio.skuCount", { count: skuCount })}</span>
          </p>
        </div>
        {progress !== null ? (
          <div className="space-y-1" title={t("portfolio.overallProgressHelp")}>
            <p className="text-xs font-medium text-slate-600">{t("portfolio.overallProgress")}</p>
            <ProgressBar
              progress={progress}
              label={`${t("portfolio.overallProgress")}: ${progressPercent(progress)}%`}
              testId="portfolio-progress"
            />
          </div>
        ) : null}
      </div>

      {clauseCount === 0 ? (
        <p className="text-sm text-slate-500">{t("portfolio.noCatalog")}</p>
      ) : skuCount === 0 ? (
        <p className="text-sm text-slate-500">{t("portfolio.noSkus")}</p>
      ) : (
        <>
          <StatusTotals totals={totals} label={t("portfolio.totals")} t={t} testId="portfolio-totals" />
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="portfolio-skus">
              <caption className="pb-2 text-left text-xs font-medium text-slate-600">{t("portfolio.latestSkus")}</caption>
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="p-2">{t("portfolio.modelCode")}</th>
                  <th scope="col" className="p-2">{t("portfolio.progress")}</th>
                  <th scope="col" className="p-2 text-right">{t("matrix.status.covered")}</th>
                  <th scope="col" className="p-2 text-right">{t("matrix.status.partial")}</th>
                  <th scope="col" className="p-2 text-right">{t("matrix.status.gap")}</th>
                </tr>
              </thead>
              <tbody>
                {skus.map(({ sku, total, progress: skuProgress }) => (
                  <tr key={sku.id} className="border-t border-slate-100">
                    <th scope="row" className="p-2 text-left font-normal">
                      <Link href={`/${organization.slug}/skus/${sku.id}`} className="font-mono text-brand-600 hover:underline">
                        {sku.modelCode}
                        {sku.hardwareRevision ? ` ${t("matrix.revision", { revision: sku.hardwareRevision })}` : ""}
                      </Link>
                      {total.needsReview > 0 ? (
                        <span className="ml-2">
                          <NeedsReviewBadge count={total.needsReview} t={t} />
                        </span>
                      ) : null}
                    </th>
                    <td className="p-2">
                      <ProgressBar progress={skuProgress} label={t("matrix.progressLabel", { percent: progressPercent(skuProgress) })} />
                    </td>
                    <td className="p-2 text-right tabular-nums">{total.covered}</td>
                    <td className="p-2 text-right tabular-nums">{total.partial}</td>
                    <td className={`p-2 text-right tabular-nums ${total.gap > 0 ? "font-semibold text-red-700" : ""}`}>{total.gap}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={matrixHref} className="font-medium text-brand-600 underline" data-testid="portfolio-open-matrix">
          {t("portfolio.openMatrix")}
        </Link>
        {hasMore ? (
          <Link href={matrixHref} className="text-brand-600 underline" data-testid="portfolio-show-all">
            {t("portfolio.showAll", { count: skuCount })}
          </Link>
        ) : null}
        <Link href={`/${organization.slug}`} className="text-brand-600 underline">
          {t("portfolio.openDashboard")}
        </Link>
      </p>
    </section>
  );
}
