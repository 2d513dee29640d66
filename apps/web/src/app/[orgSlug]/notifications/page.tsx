import { can, countUnreadNotifications, listNotifications } from "@hopquy/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkReadButton } from "@/features/notifications/mark-read-button";
import { NotificationList } from "@/features/notifications/notification-list";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  if (!can(ctx, "notification:read")) notFound();
  const { cursor } = await searchParams;
  const { t, locale } = await getTranslator();
  const [{ notifications, nextCursor }, unread] = await Promise.all([
    listNotifications(ctx, { cursor: cursor?.slice(0, 64) || undefined }),
    countUnreadNotifications(ctx),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
          <p className="text-sm text-slate-600">{t("notifications.intro")}</p>
          <p className="text-sm font-medium text-slate-700" data-testid="unread-count">{t("notifications.unreadCount", { count: unread })}</p>
        </header>
        {unread > 0 ? <MarkReadButton organizationSlug={ctx.organizationSlug} /> : null}
      </div>
      <NotificationList items={notifications} organizationSlug={ctx.organizationSlug} t={t} locale={locale} />
      {nextCursor ? (
        <Link className="text-sm text-brand-600 underline" href={`/${ctx.organizationSlug}/notifications?cursor=${encodeURIComponent(nextCursor)}`}>
          {t("notifications.older")}
        </Link>
      ) : null}
    </div>
  );
}
