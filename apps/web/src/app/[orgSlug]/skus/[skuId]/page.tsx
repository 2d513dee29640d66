import { CAPABILITIES, CAPABILITY_KEYS } from "@hopquy/compliance";
import { can, getSku, listProductFamilies } from "@hopquy/core";
import Link from "next/link";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { ArchiveButton } from "@/features/skus/archive-button";
import { CapabilitiesForm } from "@/features/skus/capabilities-form";
import { FirmwareForm } from "@/features/skus/firmware-form";
import { SkuForm } from "@/features/skus/sku-form";
import { SkuHistorySection } from "@/features/skus/sku-history-section";
import { GapReportLinks } from "@/features/gap-report/gap-report-links";
import { SkuComplianceSection } from "@/features/evidence/sku-compliance-section";
import { isDefaultRiskClassReason, SkuRiskSection } from "@/features/declarations/sku-risk-section";
import { isoDate } from "@hopquy/core/assessments/today";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";
import { formatDay } from "@/i18n/format-date";

export default async function SkuPage({ params, searchParams }: { params: Promise<{ orgSlug: string; skuId: string }>; searchParams: Promise<{ historyBefore?: string }> }) {
  const { orgSlug, skuId } = await params;
  const historyBefore = Number((await searchParams).historyBefore) || undefined;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const [sku, families] = await Promise.all([loadOrNotFound(() => getSku(ctx, skuId)), listProductFamilies(ctx)]);
  const editable = can(ctx, "sku:update");
  const day = (date: Date | null) => formatDay(locale, date);
  // The form edits the class set by hand ("unclassified" = none); a default reason is not text to edit.
  const customReason = isDefaultRiskClassReason(sku.riskClassReason) ? null : sku.riskClassReason;
  const formValues = {
    ...sku,
    riskClass: sku.riskClassManual ?? "unclassified",
    riskClassReason: customReason,
    onMarketSince: isoDate(sku.onMarketSince),
    plannedLaunchOn: isoDate(sku.plannedLaunchOn),
    withdrawnOn: isoDate(sku.withdrawnOn),
  };
  const questions = CAPABILITY_KEYS.map((key) => ({ key, label: CAPABILITIES[key].label[locale], condition: CAPABILITIES[key].condition }));
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/skus`} className="text-sm text-brand-600 underline">← {t("skus.title")}</Link>
        <h1 className="font-mono text-2xl font-bold" data-testid="sku-title">
          {sku.modelCode}{sku.hardwareRevision ? ` rev ${sku.hardwareRevision}` : ""}
        </h1>
        <GapReportLinks orgSlug={ctx.organizationSlug} skuId={sku.id} t={t} />
        <p className="text-sm text-slate-600">
          {sku.brand} · {sku.manufacturer} · {sku.countryOfOrigin}{sku.hsCode ? ` · HS ${sku.hsCode}` : ""}{sku.family ? ` · ${sku.family.name}` : ""}
          {sku.archivedAt ? ` · ${t("skus.archived")}` : ""}
        </p>
      </header>

      <SkuRiskSection ctx={ctx} sku={sku} t={t} locale={locale} />

      <SkuComplianceSection ctx={ctx} skuId={sku.id} t={t} locale={locale} />

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("skus.firmware")}</h2>
        {sku.firmwareVersions.length === 0 ? (
          <p className="text-sm text-slate-500">{t("skus.noFirmware")}</p>
        ) : (
          <table className="w-full text-sm" data-testid="firmware-table">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2">{t("skus.version")}</th>
                <th className="py-2">{t("skus.releaseDate")}</th>
                <th className="py-2">{t("skus.signedUpdates")}</th>
                <th className="py-2">{t("skus.supportEndsAt")}</th>
              </tr>
            </thead>
            <tbody>
              {sku.firmwareVersions.map((firmware) => (
                <tr key={firmware.id} className="border-t border-slate-100">
                  <td className="py-2 font-mono">{firmware.version}</td>
                  <td className="py-2">{day(firmware.releaseDate)}</td>
                  <td className="py-2">{firmware.signedUpdates ? t("skus.yes") : t("skus.no")}</td>
                  <td className="py-2">{day(firmware.supportEndsAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editable ? <FirmwareForm organizationSlug={ctx.organizationSlug} skuId={sku.id} /> : null}
      </section>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("skus.capabilities")}</h2>
        <CapabilitiesForm organizationSlug={ctx.organizationSlug} skuId={sku.id} profile={sku.capabilities} questions={questions} readOnly={!editable} />
      </section>

      {editable ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("skus.edit")}</h2>
          <SkuForm organizationSlug={ctx.organizationSlug} families={families} sku={formValues} />
        </section>
      ) : null}
      <SkuHistorySection ctx={ctx} skuId={sku.id} beforeSeq={historyBefore} t={t} locale={locale} />
      {can(ctx, "sku:archive") ? <ArchiveButton organizationSlug={ctx.organizationSlug} skuId={sku.id} archived={Boolean(sku.archivedAt)} /> : null}
    </div>
  );
}
