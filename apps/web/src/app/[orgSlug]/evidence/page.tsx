import { can, EVIDENCE_KINDS, isoToday, listEvidence } from "@hopquy/core";
import Link from "next/link";
import { EvidenceStateBadge } from "@/features/evidence/state-badge";
import { buttonClass, inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import { getTranslator } from "@/i18n/get-locale";
import type { MessageKey } from "@/i18n/translate";
import { getTenantPageContext } from "@/lib/tenant-page";
import { formatDay } from "@/i18n/format-date";

type Search = { cursor?: string; q?: string; kind?: string; state?: string; expiring?: string };

export default async function EvidencePage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Search> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const query = await searchParams;
  const { t, locale } = await getTranslator();
  const kind = (EVIDENCE_KINDS as readonly string[]).includes(query.kind ?? "") ? (query.kind as (typeof EVIDENCE_KINDS)[number]) : undefined;
  const state = ["draft", "submitted", "accepted", "rejected"].includes(query.state ?? "") ? (query.state as "draft") : undefined;
  const filters = { search: query.q?.slice(0, 100) || undefined, kind, reviewState: state, expiringWithinDays: query.expiring === "1" ? 30 : undefined };
  const { evidence, nextCursor } = await listEvidence(ctx, { ...filters, cursor: query.cursor?.slice(0, 64) || undefined });
  const base = `/${ctx.organizationSlug}/evidence`;
  const today = isoToday();
  const day = (date: Date | null) => formatDay(locale, date);
  const nextHref = () => {
    const next = new URLSearchParams({ cursor: nextCursor ?? "" });
    for (const [key, value] of Object.entries({ q: filters.search, kind, state, expiring: query.expiring === "1" ? "1" : undefined })) if (value) next.set(key, value);
    return `${base}?${next}`;
  };
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("evidence.title")}</h1>
          <p className="max-w-3xl text-sm text-slate-600">{t("evidence.intro")}</p>
        </div>
        {can(ctx, "evidence:create") ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/import`} className={secondaryButtonClass}>{t("imports.evidence.open")}</Link>
            <Link href={`${base}/new`} className={buttonClass}>{t("evidence.new")}</Link>
          </div>
        ) : null}
      </header>
      <form className="flex flex-wrap items-center gap-3" action={base}>
        <input name="q" defaultValue={filters.search} placeholder={t("evidence.search")} aria-label={t("evidence.search")} className={`${inputClass} max-w-sm`} />
        <select name="kind" defaultValue={kind ?? ""} aria-label={t("evidence.kind")} className={`${inputClass} max-w-xs`}>
          <option value="">{t("evidence.allKinds")}</option>
          {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{t(`evidence.kinds.${k}` as MessageKey)}</option>)}
        </select>
        <select name="state" defaultValue={state ?? ""} aria-label={t("evidence.state")} className={`${inputClass} max-w-xs`}>
          <option value="">{t("evidence.allStates")}</option>
          {(["draft", "submitted", "accepted", "rejected"] as const).map((s) => <option key={s} value={s}>{t(`evidence.states.${s}`)}</option>)}
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="expiring" value="1" defaultChecked={query.expiring === "1"} /> {t("evidence.expiringSoon")}
        </label>
        <button type="submit" className={secondaryButtonClass}>{t("evidence.filter")}</button>
      </form>
      {evidence.length === 0 ? (
        <p className="text-sm text-slate-500">{t("evidence.empty")}</p>
      ) : (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="evidence-table">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-3">{t("evidence.titleField")}</th>
              <th className="p-3">{t("evidence.kind")}</th>
              <th className="p-3">{t("evidence.state")}</th>
              <th className="p-3">{t("evidence.expiryDate")}</th>
              <th className="p-3">{t("evidence.details")}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((e) => {
              const expired = e.expiryDate !== null && e.expiryDate.toISOString().slice(0, 10) < today;
              return (
                <tr key={e.id} className="border-t border-slate-100">
                  <td className="p-3">
                    <Link href={`${base}/${e.id}`} className="text-brand-600 hover:underline">{e.title}</Link>
                    {e.issuer ? <span className="block text-xs text-slate-500">{e.issuer}</span> : null}
                  </td>
                  <td className="p-3">{t(`evidence.kinds.${e.kind}` as MessageKey)}</td>
                  <td className="p-3"><EvidenceStateBadge state={e.reviewState} t={t} /></td>
                  <td className={`p-3 ${expired ? "font-semibold text-red-700" : ""}`}>{day(e.expiryDate)}{expired ? ` · ${t("evidence.expired")}` : ""}</td>
                  <td className="p-3 text-xs text-slate-600">{t("evidence.counts", { files: e._count.revisions, clauses: e._count.clauseLinks, skus: e._count.skuLinks })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextCursor ? <Link className="text-sm text-brand-600 underline" href={nextHref()}>{t("common.next")}</Link> : null}
    </div>
  );
}
