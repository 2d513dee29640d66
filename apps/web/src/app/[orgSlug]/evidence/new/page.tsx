import { can, getSku, getTargetCatalog, listSkus } from "@hopquy/core";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NewEvidenceForm } from "@/features/evidence/new-evidence-form";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function NewEvidencePage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ skuId?: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  if (!can(ctx, "evidence:create")) redirect(`/${ctx.organizationSlug}/evidence`);
  const { t, locale } = await getTranslator();
  const wanted = (await searchParams).skuId?.slice(0, 64);
  // The SKU the user came from (always offered), plus the newest ones to choose from.
  const [{ skus }, selected, target] = await Promise.all([
    listSkus(ctx, { limit: 100 }),
    wanted ? getSku(ctx, wanted).catch(() => null) : Promise.resolve(null),
    getTargetCatalog(),
  ]);
  const options = [...(selected && !skus.some((s) => s.id === selected.id) ? [selected] : []), ...skus].map((s) => ({
    id: s.id,
    label: `${s.modelCode}${s.hardwareRevision ? ` rev ${s.hardwareRevision}` : ""} · ${s.brand}`,
  }));
  const groups = (target?.groups ?? []).map((g) => ({
    code: g.code,
    title: localized(locale, g.titleVi, g.titleEn),
    clauses: target!.clauses.filter((c) => c.groupId === g.id).map((c) => ({ id: c.id, code: c.code, title: localized(locale, c.titleVi, c.titleEn) })),
  }));
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/evidence`} className="text-sm text-brand-600 underline">← {t("evidence.title")}</Link>
        <h1 className="text-2xl font-bold">{t("evidence.new")}</h1>
      </header>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <NewEvidenceForm organizationSlug={ctx.organizationSlug} skus={options} selectedSkuId={selected?.id} groups={groups} />
      </section>
    </div>
  );
}
