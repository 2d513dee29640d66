import { getOrganizationOverview } from "@hopquy/core";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function DashboardPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const overview = await getOrganizationOverview(ctx);
  const stats = [
    { label: t("dashboard.members"), value: String(overview.memberCount), testId: "member-count" },
    { label: t("dashboard.pendingInvitations"), value: String(overview.pendingInvitations), testId: "pending-count" },
    { label: t("dashboard.yourRole"), value: t(`roles.${ctx.role}`), testId: "my-role" },
  ];
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">{t(`kinds.${overview.organization.kind}`)}</p>
        <h1 className="text-3xl font-bold" data-testid="org-name">{overview.organization.name}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.regulationNote")}</p>
      </header>
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
                <span className="text-slate-500">{event.createdAt.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</span>
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
