import { can, listImportRuns } from "@hopquy/core";
import Link from "next/link";
import { SkuImportUpload } from "@/features/sku-import/sku-import-upload";
import { formatDateTime } from "@/i18n/format-date";
import { getTranslator } from "@/i18n/get-locale";
import type { MessageKey } from "@/i18n/translate";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SkuImportPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const { before } = await searchParams;
  const { runs, nextCursor } = await listImportRuns(ctx, { limit: 20, before });
  const base = `/${ctx.organizationSlug}`;
  const exportUrl = `/api/orgs/${ctx.organizationSlug}/skus/export`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`${base}/skus`} className="text-sm text-brand-600 underline">← {t("skus.title")}</Link>
        <h1 className="text-2xl font-bold">{t("skuImport.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("skuImport.intro")}</p>
        <p className="space-x-3 text-sm">
          <span className="text-slate-600">{t("skuImport.templates")}</span>
          <a href={`${exportUrl}?format=xlsx&template=1`} className="text-brand-600 underline" download>{t("skuImport.templateXlsx")}</a>
          <a href={`${exportUrl}?format=csv&template=1`} className="text-brand-600 underline" download>{t("skuImport.templateCsv")}</a>
        </p>
      </header>
      {can(ctx, "sku:create") ? <SkuImportUpload organizationSlug={ctx.organizationSlug} /> : <p className="text-sm text-slate-600">{t("skuImport.noPermission")}</p>}
      <section className="space-y-2 rounded-lg bg-white p-4 shadow-sm" data-testid="import-runs">
        <h2 className="font-semibold">{t("skuImport.recent")}</h2>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-600">{t("skuImport.noRecent")}</p>
        ) : (
          <ul className="text-sm">
            {runs.map((run) => (
              <li key={run.id} className="border-t border-slate-100 py-1">
                <Link href={`${base}/skus/import/${run.id}`} className="text-brand-600 hover:underline">{run.fileName}</Link>
                {" · "}{formatDateTime(locale, run.createdAt)} · {t(`skuImport.states.${run.state}` as MessageKey)} · {run.rowTotal} · {run.requestedByEmail}
              </li>
            ))}
          </ul>
        )}
        {nextCursor ? <Link href={`?before=${nextCursor}`} className="text-sm text-brand-600 underline">{t("common.next")}</Link> : null}
      </section>
    </div>
  );
}
