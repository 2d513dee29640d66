import { can, listRemapRuns } from "@hopquy/core";
import Link from "next/link";
import { GapReportLinks } from "@/features/gap-report/gap-report-links";
import { RemapRunProgress } from "@/features/remap/remap-run-progress";
import { StartRemapForm } from "@/features/remap/start-remap-form";
import { getTranslator } from "@/i18n/get-locale";
import type { MessageKey } from "@/i18n/translate";
import { getTenantPageContext } from "@/lib/tenant-page";
import { formatDateTime } from "@/i18n/format-date";

export default async function RemapPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const runs = await listRemapRuns(ctx, { limit: 10 });
  const latest = runs[0];
  const busy = runs.some((r) => r.state === "queued" || r.state === "running");
  const dateTime = (date: Date | null) => formatDateTime(locale, date);
  const base = `/${ctx.organizationSlug}`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("remap.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("remap.orgIntro")}</p>
        <GapReportLinks orgSlug={ctx.organizationSlug} t={t} />
      </header>
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <StartRemapForm organizationSlug={ctx.organizationSlug} canApply={can(ctx, "assessment:decide")} busy={busy} />
      </section>
      {latest ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="remap-latest">
          <h2 className="font-semibold">{t(`remap.modes.${latest.mode}` as MessageKey)} · {dateTime(latest.createdAt)} · {latest.requestedByEmail}</h2>
          <RemapRunProgress state={latest.state} done={latest.skuDone} total={latest.skuTotal} />
          {latest.error ? <p className="text-sm text-red-700" role="alert">{latest.error}</p> : null}
          {latest.summary ? (
            <div className="space-y-2">
              <p className="text-sm" data-testid="remap-summary">
                {t("remap.counts", { changed: latest.summary.counts.changed, conflicts: latest.summary.counts.conflicts, retest: latest.summary.counts.retest })}
                {latest.mode === "apply" ? ` · ${t("remap.written", { count: latest.summary.written })}` : ""}
              </p>
              <p className="text-xs text-slate-500">{latest.summary.catalog} · {latest.summary.mappingSets.join(", ")}</p>
              <table className="w-full text-sm">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1">SKU</th>
                    <th className="py-1">{t("remap.changes")}</th>
                    <th className="py-1">{t("skuCompliance.statuses.gap")}</th>
                    <th className="py-1">{t("skuCompliance.statuses.partial")}</th>
                    <th className="py-1">{t("remap.conflicts")}</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.summary.skus.map((s) => (
                    <tr key={s.skuId} className="border-t border-slate-100">
                      <td className="py-1"><Link className="font-mono text-brand-600 hover:underline" href={`${base}/skus/${s.skuId}/remap`}>{s.modelCode}{s.hardwareRevision ? ` rev ${s.hardwareRevision}` : ""}</Link></td>
                      <td className="py-1">{s.changed}</td>
                      <td className="py-1">{s.gaps}</td>
                      <td className="py-1">{s.partials}</td>
                      <td className="py-1">{s.conflicts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {runs.length > 1 ? (
        <section className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("remap.history")}</h2>
          <ul className="text-sm">
            {runs.slice(1).map((run) => (
              <li key={run.id} className="border-t border-slate-100 py-1">
                {dateTime(run.createdAt)} · {t(`remap.modes.${run.mode}` as MessageKey)} · {t(`remap.states.${run.state}` as MessageKey)} · {run.skuDone}/{run.skuTotal} · {run.requestedByEmail}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
