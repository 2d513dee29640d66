import { getClauseWithRelations } from "@hopquy/core";
import Link from "next/link";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { MappingDecisionCells, ProvisionalBadge } from "@/features/catalogs/relation-badge";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import type { Translate } from "@/i18n/translate";
import { getTenantPageContext } from "@/lib/tenant-page";

type Related = {
  id: string;
  relation: string;
  strength: number;
  inferred: boolean;
  rationale: string | null;
  other: { id: string; code: string; titleVi: string | null; titleEn: string | null; catalogVersion: { regulation: string; version: string } } | null;
};

function RelatedTable({ rows, base, t, locale, testId }: { rows: Related[]; base: string; t: Translate; locale: "vi" | "en"; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("catalogs.noRelations")}</p>;
  return (
    <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid={testId}>
      <thead className="bg-slate-100 text-left">
        <tr>
          <th className="p-3">{t("catalogs.regulation")}</th>
          <th className="p-3">{t("catalogs.clauses")}</th>
          <th className="p-3">{t("catalogs.relation")}</th>
          <th className="p-3">{t("catalogs.strength")}</th>
          <th className="p-3">{t("catalogs.rationale")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100 align-top">
            <td className="p-3 font-mono text-xs">{row.other ? `${row.other.catalogVersion.regulation} ${row.other.catalogVersion.version}` : "—"}</td>
            <td className="p-3">
              {row.other ? (
                <Link className="text-brand-600 hover:underline" href={`${base}/clauses/${row.other.id}`}>
                  <span className="font-mono">{row.other.code}</span> {localized(locale, row.other.titleVi, row.other.titleEn)}
                </Link>
              ) : (
                "—"
              )}
            </td>
            <MappingDecisionCells mapping={row} t={t} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function ClausePage({ params }: { params: Promise<{ orgSlug: string; clauseId: string }> }) {
  const { orgSlug, clauseId } = await params;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const { clause, outgoing, incoming } = await loadOrNotFound(() => getClauseWithRelations(clauseId.slice(0, 64)));
  const base = `/${ctx.organizationSlug}/catalogs`;
  const version = clause.catalogVersion;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href={`${base}/${version.id}`} className="text-sm text-brand-600 underline">
          ← {localized(locale, version.titleVi, version.titleEn)}
        </Link>
        <p className="text-sm text-slate-500">
          {t("catalogs.group")}: <span className="font-mono">{clause.group.code}</span> {localized(locale, clause.group.titleVi, clause.group.titleEn)}
        </p>
        <h1 className="text-2xl font-bold">
          <span className="font-mono">{clause.code}</span> {localized(locale, clause.titleVi, clause.titleEn)}
        </h1>
        <div className="flex flex-wrap gap-2 text-sm">
          {clause.status ? <span className="rounded bg-slate-100 px-2 py-0.5">{t("catalogs.status")}: {clause.status}</span> : null}
          {clause.provisional ? <ProvisionalBadge label={t("catalogs.provisional")} /> : null}
          {clause.confidence ? <span className="rounded bg-slate-100 px-2 py-0.5">{t("catalogs.confidence")}: {clause.confidence}</span> : null}
          <span className="rounded bg-slate-100 px-2 py-0.5">{t("catalogs.source")}: {clause.source}</span>
        </div>
        {clause.summaryVi || clause.summaryEn ? <p className="text-slate-700">{localized(locale, clause.summaryVi, clause.summaryEn)}</p> : null}
      </header>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalogs.relatedIn")}</h2>
        <RelatedTable rows={incoming.map((m) => ({ ...m, other: m.sourceClause }))} base={base} t={t} locale={locale} testId="related-in" />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("catalogs.relatedOut")}</h2>
        <RelatedTable rows={outgoing.map((m) => ({ ...m, other: m.targetClause }))} base={base} t={t} locale={locale} testId="related-out" />
      </section>
    </div>
  );
}
