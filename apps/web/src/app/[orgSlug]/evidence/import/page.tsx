import { can } from "@hopquy/core";
import Link from "next/link";
import { ImportUpload } from "@/features/imports/import-upload";
import { RecentImports } from "@/features/imports/recent-imports";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function EvidenceImportPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t } = await getTranslator();
  const { before } = await searchParams;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/evidence`} className="text-sm text-brand-600 underline">← {t("evidence.title")}</Link>
        <h1 className="text-2xl font-bold">{t("imports.evidence.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("imports.evidence.intro")}</p>
      </header>
      {can(ctx, "evidence:create") ? <ImportUpload organizationSlug={ctx.organizationSlug} kind="evidence_register" label={t("imports.evidence.file")} /> : <p className="text-sm text-slate-600">{t("imports.evidence.noPermission")}</p>}
      <RecentImports ctx={ctx} kind="evidence_register" before={before} />
    </div>
  );
}
