import { listCatalogVersions, listRiskLists } from "@hopquy/core";
import Link from "next/link";
import { ImportForm } from "@/features/catalogs/import-form";
import { regulationLabel } from "@/features/catalogs/regulation-label";
import { ProvisionalBadge } from "@/features/catalogs/relation-badge";
import { formatDay } from "@/i18n/format-date";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function CatalogsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx, user } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const [{ versions, mappingSets }, riskLists] = await Promise.all([listCatalogVersions(), listRiskLists()]);
  const base = `/${ctx.organizationSlug}/catalogs`;
  const dateFormat = locale === "vi" ? "vi-VN" : "en-GB";
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("catalogs.title")}</h1>
        <p className="text-sm text-slate-600">{t("catalogs.intro")}</p>
        <Link href={`${base}/crosswalk`} className="inline-block text-sm font-semibold text-brand-600 underline">
          {t("catalogs.crosswalk")}
        </Link>
      </header>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalogs.versions")}</h2>
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="catalog-versions">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-3">{t("catalogs.regulation")}</th>
              <th className="p-3">{t("catalogs.version")}</th>
              <th className="p-3">{t("catalogs.clauses")}</th>
              <th className="p-3">{t("catalogs.published")}</th>
              <th className="p-3">{t("catalogs.export")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} className="border-t border-slate-100">
                <td className="p-3">
                  <Link href={`${base}/${version.id}`} className="font-medium text-brand-600 hover:underline">
                    {regulationLabel(version.regulation)} {version.version}
                  </Link>{" "}
                  {version.provisional ? <ProvisionalBadge label={t("catalogs.provisional")} /> : null}
                  <div className="text-xs text-slate-600">{localized(locale, version.titleVi, version.titleEn)}</div>
                  <div className="font-mono text-xs text-slate-500">{version.regulation}</div>
                </td>
                <td className="p-3">{version.version} · r{version.revision}</td>
                <td className="p-3">{version._count.clauses}</td>
                <td className="p-3">{version.publishedAt.toLocaleDateString(dateFormat)}</td>
                <td className="space-x-2 p-3">
                  <a className="text-brand-600 underline" href={`/api/catalog-versions/${version.id}/export?format=yaml`}>YAML</a>
                  <a className="text-brand-600 underline" href={`/api/catalog-versions/${version.id}/export?format=csv`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalogs.riskLists")}</h2>
        <p className="text-sm text-slate-600">{t("catalogs.riskListsIntro")}</p>
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="risk-lists">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-3">{t("catalogs.riskList")}</th>
              <th className="p-3">{t("deadlines.state")}</th>
              <th className="p-3">{t("catalogs.riskListDates")}</th>
              <th className="p-3">{t("catalogs.published")}</th>
              <th className="p-3">{t("catalogs.export")}</th>
            </tr>
          </thead>
          <tbody>
            {riskLists.map((list) => (
              <tr key={list.id} className="border-t border-slate-100" data-status={list.status} data-in-force={list.inForce ? "true" : "false"}>
                <td className="p-3">
                  <span className="font-medium">{list.instrumentNumber ?? list.instrumentName ?? list.key}</span> · r{list.revision}
                  <div className="text-xs text-slate-600">{list.sourceCitation}</div>
                </td>
                <td className="p-3">
                  {t(`dashboard.riskListStatuses.${(list.inForce ? list.status : "superseded") as "published"}`)}
                  {list.inForce ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">{t("catalogs.inForce")}</span> : null}
                </td>
                <td className="p-3 text-xs">
                  {formatDay(locale, list.publicationDate)} → {formatDay(locale, list.effectiveDate)}
                </td>
                <td className="p-3">{list.publishedAt.toLocaleDateString(dateFormat)}</td>
                <td className="space-x-2 p-3">
                  <a className="text-brand-600 underline" href={`/api/risk-lists/${list.id}/export?format=yaml`}>YAML</a>
                  <a className="text-brand-600 underline" href={`/api/risk-lists/${list.id}/export?format=csv`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalogs.mappingSets")}</h2>
        <table className="w-full rounded-lg bg-white text-sm shadow-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-3">{t("catalogs.mappingSets")}</th>
              <th className="p-3">{t("catalogs.mappings")}</th>
              <th className="p-3">{t("catalogs.export")}</th>
            </tr>
          </thead>
          <tbody>
            {mappingSets.map((set) => (
              <tr key={set.id} className="border-t border-slate-100">
                <td className="p-3">
                  <Link href={`${base}/mapping-sets/${set.id}`} className="font-medium text-brand-600 hover:underline">
                    {localized(locale, set.titleVi, set.titleEn)}
                  </Link>{" "}
                  {set.provisional ? <ProvisionalBadge label={t("catalogs.provisional")} /> : null}
                  <div className="font-mono text-xs text-slate-500">
                    {set.sourceCatalogVersion.regulation} {set.sourceCatalogVersion.version} → {set.targetCatalogVersion.regulation} {set.targetCatalogVersion.version} · r{set.revision}
                  </div>
                </td>
                <td className="p-3">{set._count.mappings}</td>
                <td className="space-x-2 p-3">
                  <a className="text-brand-600 underline" href={`/api/mapping-sets/${set.id}/export?format=yaml`}>YAML</a>
                  <a className="text-brand-600 underline" href={`/api/mapping-sets/${set.id}/export?format=csv`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {user.isPlatformAdmin ? (
        <section className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("catalogs.import")}</h2>
          <ImportForm />
        </section>
      ) : null}
    </div>
  );
}
