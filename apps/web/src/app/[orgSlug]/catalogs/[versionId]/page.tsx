import { compareCatalogVersionWithPrevious, getCatalogVersionTree } from "@hopquy/core";
import Link from "next/link";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { regulationLabel } from "@/features/catalogs/regulation-label";
import { ProvisionalBadge } from "@/features/catalogs/relation-badge";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function CatalogVersionPage({ params }: { params: Promise<{ orgSlug: string; versionId: string }> }) {
  const { orgSlug, versionId } = await params;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const [tree, comparison] = await loadOrNotFound(() =>
    Promise.all([getCatalogVersionTree(versionId.slice(0, 64)), compareCatalogVersionWithPrevious(versionId.slice(0, 64))]),
  );
  const base = `/${ctx.organizationSlug}/catalogs`;
  const diff = comparison.diff;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href={base} className="text-sm text-brand-600 underline">← {t("catalogs.title")}</Link>
        <h1 className="text-2xl font-bold">{regulationLabel(tree.regulation)} {tree.version}</h1>
        <p className="text-slate-700">{localized(locale, tree.titleVi, tree.titleEn)}</p>
        <p className="font-mono text-sm text-slate-600">
          {tree.regulation} · {tree.version} · r{tree.revision}
        </p>
        {tree.provisional ? (
          <p className="rounded-md bg-purple-50 p-3 text-sm text-purple-900" data-testid="provisional-note">
            <ProvisionalBadge label={t("catalogs.provisional")} /> {t("catalogs.provisionalNote")}
          </p>
        ) : null}
        <div className="space-x-3 text-sm">
          <a className="text-brand-600 underline" href={`/api/catalog-versions/${tree.id}/export?format=yaml`}>{t("catalogs.export")} YAML</a>
          <a className="text-brand-600 underline" href={`/api/catalog-versions/${tree.id}/export?format=csv`}>{t("catalogs.export")} CSV</a>
        </div>
      </header>

      {tree.groups.map((group) => (
        <section key={group.id} className="space-y-2" data-testid={`group-${group.code}`}>
          <h2 className="font-semibold">
            <span className="font-mono text-slate-500">{group.code}</span> {localized(locale, group.titleVi, group.titleEn)}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm">
            {group.clauses.map((clause) => (
              <li key={clause.id} className="flex items-start gap-3 p-3 text-sm">
                <Link href={`${base}/clauses/${clause.id}`} className="w-32 shrink-0 font-mono text-brand-600 hover:underline">
                  {clause.code}
                </Link>
                <span className="flex-1">{localized(locale, clause.titleVi, clause.titleEn)}</span>
                {clause.status ? (
                  <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs ${clause.mandatory ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-700"}`} title={clause.mandatory ? t("catalogs.mandatory") : t("catalogs.recommended")}>
                    {clause.status}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      {tree.conditions.length > 0 ? (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("catalogs.conditions")}</h2>
          <ol className="space-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
            {tree.conditions.map((condition) => (
              <li key={condition.id}>({condition.id}) {localized(locale, condition.text.vi, condition.text.en)}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="space-y-2" data-testid="version-changes">
        <h2 className="font-semibold">{t("catalogs.changes")}</h2>
        {!diff ? (
          <p className="text-sm text-slate-500">{t("catalogs.noPrevious")}</p>
        ) : diff.clauses.added.length + diff.clauses.removed.length + diff.clauses.changed.length === 0 ? (
          <p className="text-sm text-slate-500">{t("catalogs.noChanges")}</p>
        ) : (
          <ul className="space-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
            {diff.clauses.added.map((clause) => (
              <li key={`a-${clause.code}`}><b>{t("catalogs.added")}</b> <span className="font-mono">{clause.code}</span></li>
            ))}
            {diff.clauses.removed.map((clause) => (
              <li key={`r-${clause.code}`}><b>{t("catalogs.removed")}</b> <span className="font-mono">{clause.code}</span></li>
            ))}
            {diff.clauses.changed.map((change) => (
              <li key={`c-${change.code}`}><b>{t("catalogs.changed")}</b> <span className="font-mono">{change.code}</span>: {change.fields.join(", ")}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
