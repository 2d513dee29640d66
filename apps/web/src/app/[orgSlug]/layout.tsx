import { countUnreadNotifications, isMailConfigured, listOrganizationsOfUser } from "@hopquy/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/features/shell/language-switch";
import { OrganizationSwitcher } from "@/features/shell/organization-switcher";
import { SignOutButton } from "@/features/shell/sign-out-buttons";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export const dynamic = "force-dynamic";

export default async function OrganizationLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, ctx } = await getTenantPageContext(orgSlug);
  const [organizations, unread] = await Promise.all([listOrganizationsOfUser(user.id), countUnreadNotifications(ctx)]);
  const { t } = await getTranslator();
  const nav = [
    { href: `/${ctx.organizationSlug}`, label: t("nav.dashboard") },
    { href: `/${ctx.organizationSlug}/deadlines`, label: t("nav.deadlines") },
    { href: `/${ctx.organizationSlug}/matrix`, label: t("nav.matrix") },
    { href: `/${ctx.organizationSlug}/skus`, label: t("nav.skus") },
    { href: `/${ctx.organizationSlug}/evidence`, label: t("nav.evidence") },
    { href: `/${ctx.organizationSlug}/remap`, label: t("nav.remap") },
    { href: `/${ctx.organizationSlug}/catalog-changes`, label: t("nav.catalogChanges") },
    { href: `/${ctx.organizationSlug}/notifications`, label: t("nav.notifications"), badge: unread },
    { href: "/portfolio", label: t("nav.portfolio") },
    { href: `/${ctx.organizationSlug}/members`, label: t("nav.members") },
    { href: `/${ctx.organizationSlug}/catalogs`, label: t("nav.catalogs") },
    { href: `/${ctx.organizationSlug}/audit`, label: t("nav.audit") },
    { href: `/${ctx.organizationSlug}/settings`, label: t("nav.settings") },
  ];
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-64 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-4">
        <div>
          <p className="text-lg font-bold text-brand-600">HopQuy</p>
          <p className="text-xs text-slate-500">{t("app.tagline")}</p>
        </div>
        <OrganizationSwitcher current={ctx.organizationSlug} organizations={organizations} />
        <nav className="flex flex-col gap-1" aria-label="main">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
              {item.label}
              {"badge" in item && item.badge ? (
                <span className="ml-2 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">{item.badge}</span>
              ) : null}
            </Link>
          ))}
        </nav>
        <div className="mt-auto space-y-2 text-sm">
          <p className="truncate text-slate-600" title={user.email}>{user.name}</p>
          <LanguageSwitch />
          <SignOutButton label={t("common.signOut")} />
        </div>
      </aside>
      <main className="flex-1 p-8">
        {/* Owners run the instance: they learn that e-mails are waiting for SMTP settings. */}
        {ctx.role === "owner" && !isMailConfigured() ? (
          <p role="alert" data-testid="mail-not-configured" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t("mail.notConfigured")}
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
