import type { NotificationItem } from "@hopquy/core";
import Link from "next/link";
import type { Locale, Translate } from "@/i18n/translate";
import { formatDateTime, formatDay } from "@/i18n/format-date";
import { MarkReadButton } from "./mark-read-button";


function messageOf(item: NotificationItem, t: Translate, locale: Locale) {
  if (item.kind === "catalog.changed") {
    const change = item.catalogChange;
    return t("catalogChanges.notification", { label: change.label, revision: change.revision, count: change.affectedAssessments, skus: change.affectedSkus });
  }
  const vars = { title: item.evidence.title, date: formatDay(locale, item.evidence.expiryDate), days: item.evidence.daysLeft ?? 0 };
  if (item.kind === "evidence.expired") return t("notifications.expired", vars);
  if (vars.days === 0) return t("notifications.expiringToday", vars);
  if (vars.days === 1) return t("notifications.expiringTomorrow", vars);
  return t("notifications.expiring", vars);
}

export function NotificationList({ items, organizationSlug, t, locale }: { items: NotificationItem[]; organizationSlug: string; t: Translate; locale: Locale }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("notifications.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="notification-list">
      {items.map((item) => {
        const unread = item.readAt === null;
        return (
          <li
            key={item.id}
            data-unread={unread ? "true" : "false"}
            className={`flex items-start justify-between gap-4 border-l-4 p-4 ${unread ? "border-brand-600 bg-brand-50" : "border-transparent"}`}
          >
            <div className="space-y-1">
              <p className={unread ? "font-semibold text-slate-900" : "text-slate-700"}>
                {unread ? <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white">{t("notifications.unread")}</span> : null}
                {messageOf(item, t, locale)}
              </p>
              <p className="text-xs text-slate-500">
                {formatDateTime(locale, item.createdAt)}
                {" · "}
                {item.kind === "catalog.changed" ? (
                  <Link className="text-brand-600 underline" href={`/${organizationSlug}/catalog-changes`}>
                    {t("catalogChanges.openChanges")}
                  </Link>
                ) : (
                  <Link className="text-brand-600 underline" href={`/${organizationSlug}/evidence/${item.evidence.evidenceId}`}>
                    {t("notifications.openEvidence")}
                  </Link>
                )}
              </p>
            </div>
            {unread ? <MarkReadButton organizationSlug={organizationSlug} id={item.id} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
