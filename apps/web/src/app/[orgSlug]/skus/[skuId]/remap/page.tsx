import { can, previewSkuRemap } from "@hopquy/core";
import Link from "next/link";
import { AssessmentStatusBadge } from "@/features/evidence/status-badge";
import { ApplySkuRemapButton } from "@/features/remap/apply-sku-remap-button";
import { ProposalExplanation } from "@/features/remap/proposal-explanation";
import { inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import type { MessageKey } from "@/i18n/translate";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SkuRemapPage({ params, searchParams }: { params: Promise<{ orgSlug: string; skuId: string }>; searchParams: Promise<{ retestBefore?: string; changedOnly?: string }> }) {
  const { orgSlug, skuId } = await params;
  const query = await searchParams;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const retestBefore = /^\d{4}-\d{2}-\d{2}$/.test(query.retestBefore ?? "") ? query.retestBefore : undefined;
  const preview = await loadOrNotFound(() => previewSkuRemap(ctx, { skuId, retestBefore }));
  const { world, proposals, counts, sku } = preview;
  const clauseById = new Map(world.target.clauses.map((c) => [c.id, c]));
  const mappingSets = new Map(world.mappingSets.map((m) => [m.id, localized(locale, m.titleVi, m.titleEn) || m.key]));
  const changedOnly = query.changedOnly === "1";
  const base = `/${ctx.organizationSlug}/skus/${sku.id}`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href={base} className="text-sm text-brand-600 underline">← {sku.modelCode}{sku.hardwareRevision ? ` rev ${sku.hardwareRevision}` : ""}</Link>
        <h1 className="text-2xl font-bold">{t("remap.skuTitle", { model: sku.modelCode })}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("remap.intro")}</p>
        {world.target.provisional ? <p className="text-xs text-amber-700">{t("skuCompliance.provisional")}</p> : null}
        <p className="text-sm" data-testid="remap-counts">
          {t("remap.counts", { changed: counts.changed, conflicts: counts.conflicts, retest: counts.retest })}
          {" · "}
          {Object.entries(counts.byStatus).map(([status, n]) => `${t(`skuCompliance.statuses.${status}` as MessageKey)}: ${n}`).join(" · ")}
        </p>
      </header>
      <form className="flex flex-wrap items-end gap-3" action={`${base}/remap`}>
        <label className="block space-y-1" htmlFor="retestBefore">
          <span className="text-sm font-medium text-slate-700">{t("remap.retestBefore")}</span>
          <input id="retestBefore" name="retestBefore" type="date" defaultValue={retestBefore} className={inputClass} />
        </label>
        <label className="flex items-center gap-1 pb-2 text-sm">
          <input type="checkbox" name="changedOnly" value="1" defaultChecked={changedOnly} /> {t("remap.changedOnly")}
        </label>
        <button type="submit" className={secondaryButtonClass}>{t("remap.refresh")}</button>
      </form>
      {can(ctx, "assessment:decide") ? <ApplySkuRemapButton organizationSlug={ctx.organizationSlug} skuId={sku.id} retestBefore={retestBefore} changes={counts.changed} /> : <p className="text-sm text-slate-500">{t("remap.applyNeedsManager")}</p>}
      <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="remap-table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-2">{t("remap.clause")}</th>
            <th className="p-2">{t("remap.current")}</th>
            <th className="p-2">{t("remap.proposed")}</th>
            <th className="p-2">{t("remap.result")}</th>
            <th className="p-2">{t("remap.why")}</th>
          </tr>
        </thead>
        <tbody>
          {proposals
            .filter((p) => !changedOnly || p.merged.changed || p.conflict)
            .map((p) => {
              const clause = clauseById.get(p.clauseId)!;
              return (
                <tr key={p.clauseId} className="border-t border-slate-100 align-top" data-testid={`remap-row-${clause.code}`} data-proposed={p.status} data-changed={p.merged.changed ? "1" : "0"}>
                  <td className="p-2">
                    <span className="font-mono">{clause.code}</span>
                    <span className="block text-xs text-slate-600">{localized(locale, clause.titleVi, clause.titleEn)}</span>
                  </td>
                  <td className="p-2">{p.existing ? <AssessmentStatusBadge status={p.existing.status} t={t} /> : "—"}</td>
                  <td className="p-2"><AssessmentStatusBadge status={p.status} t={t} /></td>
                  <td className="p-2">
                    <AssessmentStatusBadge status={p.merged.status} t={t} />
                    <span className="block text-xs text-slate-500">{t(`skuCompliance.origins.${p.merged.origin}` as MessageKey)}{p.merged.changed ? ` · ${t("remap.willChange")}` : ""}</span>
                  </td>
                  <td className="p-2"><ProposalExplanation proposal={p} clauses={world.clauseCodes} mappingSets={mappingSets} t={t} /></td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}
