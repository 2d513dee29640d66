import { compareMappingSetWithPrevious, getMappingSet } from "@hopquy/core";
import Link from "next/link";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { regulationLabel } from "@/features/catalogs/regulation-label";
import { MappingDecisionCells, ProvisionalBadge } from "@/features/catalogs/relation-badge";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function MappingSetPage({ params }: { params: Promise<{ orgSlug: string; mappingSetId: string }> }) {
  const { orgSlug, mappingSetId } = await params;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const id = mappingSetId.slice(0, 64);
  const [set, comparison] = await loadOrNotFound(() => Promise.all([getMappingSet(id), compareMappingSetWithPrevious(id)]));
  const base = `/${ctx.organizationSlug}/catalogs`;
  const diff = comparison.diff;
  const { sourceCatalogVersion: source, targetCatalogVersion: target } = set;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href={base} className="text-sm text-brand-600 underline">← {t("catalogs.title")}</Link>
        <h1 className="text-2xl font-bold">{localized(locale, set.titleVi, set.titleEn)}</h1>
        <p className="text-sm text-slate-600">
          {regulationLabel(source.regulation)} {source.version} → {regulationLabel(target.regulation)} {target.version} · r{set.revision}{" "}
          {set.provisional ? <ProvisionalBadge label={t("catalogs.provisional")} /> : null}
        </p>
        <div className="space-x-3 text-sm">
          <a className="text-brand-600 underline" href={`/api/mapping-sets/${set.id}/export?format=yaml`}>{t("catalogs.export")} YAML</a>
          <a className="text-brand-600 underline" href={`/api/mapping-sets/${set.id}/export?format=csv`}>{t("catalogs.export")} CSV</a>
        </div>
      </header>
      <section className="space-y-2" data-testid="mapping-set-changes">
        <h2 className="font-semibold">{t("catalogs.changes")}</h2>
        {!diff ? (
          <p className="text-sm text-slate-500">{t("catalogs.noPrevious")}</p>
        ) : diff.added.length + diff.removed.length + diff.changed.length === 0 ? (
          <p className="text-sm text-slate-500">{t("catalogs.noChanges")}</p>
        ) : (
          <ul className="space-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
            {diff.added.map((m) => <li key={`a-${m.source}-${m.target}`}><b>{t("catalogs.added")}</b> <span className="font-mono">{m.source} → {m.target ?? "—"}</span></li>)}
            {diff.removed.map((m) => <li key={`r-${m.source}-${m.target}`}><b>{t("catalogs.removed")}</b> <span className="font-mono">{m.source} → {m.target ?? "—"}</span></li>)}
            {diff.changed.map((c) => <li key={`c-${c.code}`}><b>{t("catalogs.changed")}</b> <span className="font-mono">{c.code}</span>: {c.fields.join(", ")}</li>)}
          </ul>
        )}
      </section>
      <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="mapping-set-mappings">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-3">{regulationLabel(source.regulation)}</th>
            <th className="p-3">{regulationLabel(target.regulation)}</th>
            <th className="p-3">{t("catalogs.relation")}</th>
            <th className="p-3">{t("catalogs.strength")}</th>
            <th className="p-3">{t("catalogs.rationale")}</th>
          </tr>
        </thead>
        <tbody>
          {set.mappings.map((m) => (
            <tr key={m.id} className="border-t border-slate-100 align-top">
              <td className="p-3"><Link className="font-mono text-brand-600 hover:underline" href={`${base}/clauses/${m.sourceClause.id}`}>{m.sourceClause.code}</Link></td>
              <td className="p-3">{m.targetClause ? <Link className="font-mono text-brand-600 hover:underline" href={`${base}/clauses/${m.targetClause.id}`}>{m.targetClause.code}</Link> : "—"}</td>
              <MappingDecisionCells mapping={m} t={t} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
