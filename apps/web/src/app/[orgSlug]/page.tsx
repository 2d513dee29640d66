import { getComplianceDashboard, getOrganizationOverview, recordDashboardVisit } from "@hopquy/core";
import Link from "next/link";
import { after } from "next/server";
import { DeadlineStateBadge } from "@/features/deadlines/deadline-state-badge";
import { DeadlineTable } from "@/features/deadlines/deadline-table";
import { countdownText, obligationLabel } from "@/features/deadlines/obligation-text";
import { formatDateTime, formatDay } from "@/i18n/format-date";
import { getTranslator } from "@/i18n/get-locale";
import type { MessageKey } from "@/i18n/translate";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function DashboardPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const [overview, dashboard] = await Promise.all([getOrganizationOverview(ctx), getComplianceDashboard(ctx)]);
  // After the response: the next visit compares with this one.
  after(() => recordDashboardVisit(ctx));
  const slug = ctx.organizationSlug;
  const list = dashboard.riskList;
  const listInForce = list?.inForce === true;
  const stats = [
    { label: t("dashboard.members"), value: String(overview.memberCount), testId: "member-count" },
    { label: t("dashboard.pendingInvitations"), value: String(overview.pendingInvitations), testId: "pending-count" },
    { label: t("dashboard.yourRole"), value: t(`roles.${ctx.role}`), testId: "my-role" },
  ];
  const counts = dashboard.stateCounts;
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">{t(`kinds.${overview.organization.kind}`)}</p>
        <h1 className="text-3xl font-bold" data-testid="org-name">{overview.organization.name}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.regulationNote")}</p>
      </header>

      <section
        className={`rounded-lg border p-4 ${listInForce ? "border-sky-200 bg-sky-50" : "border-amber-200 bg-amber-50"}`}
        data-testid="risk-list-banner"
        data-status={list?.status ?? "not_published"}
      >
        <h2 className="font-semibold">{t("dashboard.riskListTitle")}</h2>
        {listInForce ? (
          <p className="mt-1 text-sm">
            {t("dashboard.riskListInForce", {
              label: list.label,
              publication: list.publicationDate ? formatDay(locale, list.publicationDate) : t("obligations.states.tbd"),
              effective: list.effectiveDate ? formatDay(locale, list.effectiveDate) : t("obligations.states.tbd"),
            })}
          </p>
        ) : (
          <p className="mt-1 text-sm">{t("dashboard.riskListNotPublished")}</p>
        )}
        <p className="mt-1 text-xs text-slate-600">
          {t("dashboard.riskListStatus", { status: t(`dashboard.riskListStatuses.${(list?.status ?? "not_published") as "not_published"}`) })}
          {list ? ` · ${t("dashboard.riskListSource", { source: list.source })}` : null}
        </p>
        {dashboard.classConflicts > 0 ? <p className="mt-2 text-sm font-medium text-amber-800">{t("dashboard.classConflicts", { count: dashboard.classConflicts })}</p> : null}
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="next-deadlines">
        <div className="mb-2 flex items-baseline justify-between gap-4">
          <h2 className="font-semibold">{t("dashboard.nextDeadlines")}</h2>
          <Link className="text-sm text-brand-600 underline" href={`/${slug}/deadlines`}>{t("dashboard.allDeadlines")}</Link>
        </div>
        <p className="mb-3 text-xs text-slate-500" data-testid="deadline-state-counts">
          {t("dashboard.stateCounts", { overdue: counts.overdue, dueSoon: counts.due_soon, upcoming: counts.upcoming, tbd: counts.tbd, met: counts.met })}
        </p>
        {dashboard.nextDeadlines.length === 0 ? (
          <p className="text-sm text-slate-500">{t("dashboard.noDeadlines")}</p>
        ) : (
          <DeadlineTable rows={dashboard.nextDeadlines} organizationSlug={slug} t={t} locale={locale} showReasons={false} />
        )}
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="at-risk">
          <h2 className="font-semibold">{t("dashboard.atRisk")} ({dashboard.atRisk.total})</h2>
          <p className="mb-3 text-xs text-slate-500">{t("dashboard.atRiskIntro")}</p>
          {dashboard.atRisk.skus.length === 0 ? (
            <p className="text-sm text-slate-500">{t("dashboard.atRiskNone")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {dashboard.atRisk.skus.map(({ sku, deadline, openGaps }) => (
                <li key={sku.id} className="flex flex-wrap items-center gap-2" data-testid="at-risk-sku" data-sku={sku.modelCode}>
                  <Link className="font-medium text-brand-600 underline" href={`/${slug}/skus/${sku.id}`}>{sku.modelCode}</Link>
                  <span>{obligationLabel(t, deadline)}</span>
                  <DeadlineStateBadge state={deadline.state} t={t} />
                  <span className="text-xs text-slate-500">{countdownText(t, deadline)}</span>
                  <span className="text-xs text-red-700">{t("dashboard.openGaps", { count: openGaps })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="changes-since-visit">
          <h2 className="font-semibold">{t("dashboard.changes")}</h2>
          <p className="mb-3 text-xs text-slate-500">{t("dashboard.changesSince", { date: formatDateTime(locale, dashboard.changes.since) })}</p>
          {dashboard.changes.latest.length === 0 ? (
            <p className="text-sm text-slate-500">{t("dashboard.changesNone")}</p>
          ) : (
            <>
              <p className="mb-2 text-sm">
                {[
                  dashboard.changes.counts.riskList ? t("dashboard.changeRiskList", { count: dashboard.changes.counts.riskList }) : null,
                  dashboard.changes.counts.catalog ? t("dashboard.changeCatalog", { count: dashboard.changes.counts.catalog }) : null,
                  dashboard.changes.counts.expiredEvidence ? t("dashboard.changeExpired", { count: dashboard.changes.counts.expiredEvidence }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <ul className="space-y-1 text-sm">
                {dashboard.changes.latest.map((c) => (
                  <li key={c.id} className="flex gap-3">
                    <span className="text-slate-500">{formatDateTime(locale, c.createdAt)}</span>
                    <span>{changeLabel(c.action, c.after, t)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>

      <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="readiness">
        <h2 className="font-semibold">{t("dashboard.readiness")}</h2>
        <p className="mb-3 text-xs text-slate-500">{t("dashboard.readinessIntro", { skus: dashboard.skuCount })}</p>
        {dashboard.readiness.length === 0 ? (
          <p className="text-sm text-slate-500">{t("dashboard.noTarget")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {dashboard.readiness.map((g) => (
              <li key={g.groupId} className="grid grid-cols-[4rem_1fr_4rem] items-center gap-3" data-testid="readiness-group" data-group={g.code}>
                <span className="font-mono text-xs">{g.code}</span>
                <span>
                  <span className="block truncate">{(locale === "en" ? g.titleEn : g.titleVi) ?? g.titleVi ?? g.titleEn}</span>
                  <span className="mt-1 block h-2 rounded bg-slate-100">
                    <span className="block h-2 rounded bg-emerald-500" style={{ width: `${Math.round(g.progress * 100)}%` }} />
                  </span>
                </span>
                <span className="text-right text-xs">{Math.round(g.progress * 100)}%</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {stats.map((stat) => (
          <div key={stat.testId} className="rounded-lg bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-500">{stat.label}</p>
            <p className="text-2xl font-semibold" data-testid={stat.testId}>{stat.value}</p>
          </div>
        ))}
      </section>

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-3 font-semibold">{t("dashboard.recentActivity")}</h2>
        {overview.lastEvents.length === 0 ? (
          <p className="text-sm text-slate-500">{t("dashboard.noActivity")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {overview.lastEvents.map((event) => (
              <li key={event.id} className="flex gap-3">
                <span className="text-slate-500">{formatDateTime(locale, event.createdAt)}</span>
                <span className="font-mono">{event.action}</span>
                <span className="text-slate-600">{event.actorEmail}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function changeLabel(action: string, after: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
  const record = (after ?? {}) as { label?: string; reclassifiedSkus?: number; title?: string; publication?: { label?: string } };
  if (action === "risk_list.applied") return `${t("dashboard.riskListTitle")}: ${record.label ?? ""}`;
  if (action === "evidence.expired") return t("dashboard.changeExpired", { count: 1 });
  return `${t("nav.catalogChanges")}: ${record.publication?.label ?? ""}`;
}
