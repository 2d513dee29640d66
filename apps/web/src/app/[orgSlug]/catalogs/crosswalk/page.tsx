import { getCrosswalk } from "@hopquy/core";
import Link from "next/link";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { ProvisionalBadge, RelationBadge } from "@/features/catalogs/relation-badge";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function CrosswalkPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const crosswalk = await loadOrNotFound(() => getCrosswalk());
  const base = `/${ctx.organizationSlug}/catalogs`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href={base} className="text-sm text-brand-600 underline">← {t("catalogs.title")}</Link>
        <h1 className="text-2xl font-bold">{t("catalogs.crosswalk")}</h1>
        <p className="text-sm text-slate-600">{t("catalogs.crosswalkIntro")}</p>
        {crosswalk.target.provisional ? (
          <p className="text-sm text-purple-900"><ProvisionalBadge label={t("catalogs.provisional")} /> {t("catalogs.provisionalNote")}</p>
        ) : null}
      </header>
      <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="crosswalk">
        <thead className="sticky top-0 bg-slate-100 text-left">
          <tr>
            <th className="w-2/5 p-3">QCVN 11:2026/BCA</th>
            <th className="p-3">QCVN 135:2024/BTTTT</th>
            <th className="p-3">ETSI EN 303 645</th>
          </tr>
        </thead>
        {crosswalk.groups.map((group) => (
          <tbody key={group.id}>
            <tr className="bg-slate-50">
              <td colSpan={3} className="p-2 font-semibold">
                <span className="font-mono text-slate-500">{group.code}</span> {localized(locale, group.titleVi, group.titleEn)}
              </td>
            </tr>
            {group.clauses.map((clause) => (
              <tr key={clause.id} className="border-t border-slate-100 align-top" data-testid={`crosswalk-${clause.code}`}>
                <td className="p-3">
                  <Link className="text-brand-600 hover:underline" href={`${base}/clauses/${clause.id}`}>
                    <span className="font-mono">{clause.code}</span>
                  </Link>{" "}
                  {localized(locale, clause.titleVi, clause.titleEn)}
                </td>
                {[clause.qcvn135, clause.etsi].map((related, column) => (
                  <td key={column} className="space-y-1 p-3">
                    {related.map((item) => (
                      <div key={item.id} title={item.rationale ?? undefined}>
                        <Link className="font-mono text-brand-600 hover:underline" href={`${base}/clauses/${item.id}`}>{item.code}</Link>{" "}
                        <RelationBadge relation={item.relation} t={t} />
                      </div>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
