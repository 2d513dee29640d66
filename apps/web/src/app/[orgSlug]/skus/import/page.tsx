import { can } from "@hopquy/core";
import Link from "next/link";
import { SkuImportForm } from "@/features/sku-import/sku-import-form";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SkuImportPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t } = await getTranslator();
  const exportUrl = `/api/orgs/${ctx.organizationSlug}/skus/export`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/skus`} className="text-sm text-brand-600 underline">← {t("skus.title")}</Link>
        <h1 className="text-2xl font-bold">{t("skuImport.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("skuImport.intro")}</p>
        <p className="space-x-3 text-sm">
          <span className="text-slate-600">{t("skuImport.templates")}</span>
          <a href={`${exportUrl}?format=xlsx&template=1`} className="text-brand-600 underline" download>{t("skuImport.templateXlsx")}</a>
          <a href={`${exportUrl}?format=csv&template=1`} className="text-brand-600 underline" download>{t("skuImport.templateCsv")}</a>
        </p>
      </header>
      {can(ctx, "sku:create") ? (
        <SkuImportForm organizationSlug={ctx.organizationSlug} />
      ) : (
        <p className="text-sm text-slate-600">{t("skuImport.noPermission")}</p>
      )}
    </div>
  );
}
