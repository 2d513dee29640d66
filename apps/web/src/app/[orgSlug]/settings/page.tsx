import { can, getCalendarFeedStatus, getNotificationPreferences, getOrganizationOverview } from "@hopquy/core";
import { ChangePasswordForm } from "@/features/account/change-password-form";
import { NotificationPreferencesForm } from "@/features/account/notification-preferences-form";
import { CalendarFeedSection } from "@/features/calendar-feed/calendar-feed-section";
import { OrganizationForm } from "@/features/organizations/organization-form";
import { LanguageSwitch } from "@/features/shell/language-switch";
import { SignOutEverywhereButton } from "@/features/shell/sign-out-buttons";
import { formatDateTime } from "@/i18n/format-date";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx, user } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const [{ organization }, preferences] = await Promise.all([getOrganizationOverview(ctx), getNotificationPreferences(user.id)]);
  const calendarFeed = await getCalendarFeedStatus(ctx);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("settings.organization")}</h2>
        {can(ctx, "organization:update") ? (
          <OrganizationForm organization={{ slug: organization.slug, name: organization.name, kind: organization.kind }} />
        ) : (
          <p className="text-sm">{organization.name} · {t(`kinds.${organization.kind}`)}</p>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("settings.account")}</h2>
        <p className="text-sm text-slate-600">{user.name} · {user.email}</p>
        <div className="space-y-1">
          <p className="text-sm text-slate-600">{t("settings.languageHelp")}</p>
          <LanguageSwitch />
        </div>
        <SignOutEverywhereButton label={t("common.signOutEverywhere")} />
      </section>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("account.notifications")}</h2>
        <NotificationPreferencesForm preferences={preferences.map(({ kind, delivery }) => ({ kind, delivery }))} />
      </section>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("account.changePassword")}</h2>
        <ChangePasswordForm />
      </section>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("calendarFeed.title")}</h2>
        <CalendarFeedSection
          organizationSlug={ctx.organizationSlug}
          active={calendarFeed.active}
          statusText={
            calendarFeed.active
              ? t("calendarFeed.active", { created: formatDateTime(locale, calendarFeed.createdAt), rotated: formatDateTime(locale, calendarFeed.rotatedAt) })
              : t("calendarFeed.none")
          }
        />
      </section>
    </div>
  );
}
