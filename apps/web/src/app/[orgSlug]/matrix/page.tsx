import { getComplianceMatrix, listProductFamilies } from "@hopquy/core";
import Link from "next/link";
import { MatrixFilters } from "@/features/matrix/matrix-filters";
import { matrixHref } from "@/features/matrix/matrix-href";
import { MatrixTable } from "@/features/matrix/matrix-table";
import { parseMatrixFilters } from "@/features/matrix/parse-matrix-filters";
import { StatusTotals } from "@/features/matrix/status-totals";
import { ToneLegend } from "@/features/matrix/tone-legend";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

const PAGE_SIZE = 25;

export default async function MatrixPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { filters, cursor } = parseMatrixFilters(await searchParams);
  const { t, locale } = await getTranslator();
  const [matrix, families] = await Promise.all([
    getComplianceMatrix(ctx, { ...filters, cursor, limit: PAGE_SIZE }),
    listProductFamilies(ctx),
  ]);
  const base = `/${ctx.organizationSlug}/matrix`;
  const header = (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold">{t("matrix.title")}</h1>
      <p className="text-sm text-slate-600">{t("matrix.intro")}</p>
    </header>
  );

  if (!matrix.target) {
    return (
      <div className="space-y-6">
        {header}
        <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="matrix-no-catalog">
          <p>{t("matrix.noCatalog")}</p>
          <Link href={`/${ctx.organizationSlug}/catalogs`} className="font-medium text-brand-600 underline">
            {t("matrix.openCatalogs")}
          </Link>
        </div>
      </div>
    );
  }

  const { target } = matrix;
  const filtered = Boolean(filters.familyId || filters.riskClass || filters.status || filters.search);
  return (
    <div className="space-y-6">
      {header}
      <section className="space-y-2 text-sm">
        <p className="text-slate-700" data-testid="matrix-target">
          {t("matrix.target", { version: target.version, revision: target.revision })}
          {target.provisional ? (
            <span className="ml-2 inline-block rounded bg-purple-100 px-1.5 py-0.5 text-xs font-medium text-purple-800">{t("matrix.provisional")}</span>
          ) : null}
        </p>
        {target.provisional ? (
          <p className="rounded-md bg-purple-50 px-3 py-2 text-purple-900" data-testid="matrix-provisional-note">
            {t("matrix.provisionalNote")}
          </p>
        ) : null}
      </section>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-sm font-semibold text-slate-700">{t("matrix.totals")}</h2>
        <StatusTotals totals={matrix.totals} label={t("matrix.totals")} t={t} testId="matrix-totals" />
        <ToneLegend t={t} />
      </section>
      <MatrixFilters base={base} filters={filters} families={families} t={t} />
      <p className="text-sm font-medium text-slate-700" data-testid="matrix-sku-count">
        {matrix.skuCount === 1 ? t("matrix.skuCountOne") : t("matrix.skuCount", { count: matrix.skuCount })}
      </p>
      {matrix.rows.length === 0 ? (
        <div className="space-y-2 text-sm text-slate-500" data-testid="matrix-empty">
          {filtered || cursor ? (
            <p>{t("matrix.empty")}</p>
          ) : (
            <>
              <p>{t("matrix.noSkus")}</p>
              <Link href={`/${ctx.organizationSlug}/skus`} className="text-brand-600 underline">
                {t("matrix.openSkus")}
              </Link>
            </>
          )}
        </div>
      ) : (
        <MatrixTable organizationSlug={ctx.organizationSlug} groups={target.groups} rows={matrix.rows} t={t} locale={locale} />
      )}
      {cursor || matrix.nextCursor ? (
        <nav className="flex gap-4 text-sm" aria-label={t("matrix.pagination")}>
          {cursor ? (
            <Link className="text-brand-600 underline" href={matrixHref(base, filters)} data-testid="matrix-first-page">
              {t("matrix.firstPage")}
            </Link>
          ) : null}
          {matrix.nextCursor ? (
            <Link className="text-brand-600 underline" href={matrixHref(base, filters, matrix.nextCursor)} data-testid="matrix-next-page">
              {t("matrix.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
