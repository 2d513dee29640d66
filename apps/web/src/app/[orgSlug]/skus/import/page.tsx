import { can } from "@hopquy/core";
import Link from "next/link";
import { ImportUpload } from "@/features/imports/import-upload";
import { RecentImports } from "@/features/imports/recent-imports";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SkuImportPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t } = await getTranslator();
  const { before } = await searchParams;
  const exportUrl = `/api/orgs/${ctx.organizationSlug}/skus/export`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/skus`} className="text-sm text-brand-600 underline">← {t("skus.title")}</Link>
        <h1 className="text-2xl font-bold">{t("imports.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("imports.intro")}</p>
        <p className="space-x-3 text-sm">
          <span className="text-slate-600">{t("imports.templates")}</span>
          <a href={`${exportUrl}?format=xlsx&template=1`} className="text-brand-600 underline" download>{t("imports.templateXlsx")}</a>
          <a href={`${exportUrl}?format=csv&template=1`} className="text-brand-600 underline" download>{t("imports.templateCsv")}</a>
        </p>
      </header>
      {can(ctx, "sku:create") ? <ImportUpload organizationSlug={ctx.organizationSlug} kind="sku" label={t("imports.file")} /> : <p className="text-sm text-slate-600">{t("imports.noPermission")}</p>}
      <RecentImports ctx={ctx} kind="sku" before={before} />
    </div>
  );
}
