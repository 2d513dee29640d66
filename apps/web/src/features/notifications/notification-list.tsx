import type { NotificationItem } from "@hopquy/core";
import Link from "next/link";
import type { Locale, Translate } from "@/i18n/translate";
import { formatDateTime, formatDay } from "@/i18n/format-date";
import { MarkReadButton } from "./mark-read-button";


function messageOf(item: NotificationItem, t: Translate, locale: Locale) {
  if (item.kind === "risk-list.published") {
    const list = item.riskList;
    const date = list.effectiveDate ? formatDay(locale, list.effectiveDate) : t("obligations.states.tbd");
    return t("notifications.riskListPublished", { label: list.label, date, count: list.reclassifiedSkus, conflicts: list.conflicts });
  }
  if ("deadline" in item) {
    const d = item.deadline;
    const obligation = t(`obligations.kinds.${d.obligationKind}`, { version: "" }).trim();
    const vars = { model: d.modelCode, obligation, date: formatDay(locale, d.dueDate), days: d.daysLeft };
    if (item.kind === "deadline.overdue") return t("notifications.deadlineOverdue", vars);
    if (d.daysLeft === 0) return t("notifications.deadlineDueToday", vars);
    if (d.daysLeft === 1) return t("notifications.deadlineDueTomorrow", vars);
    return t("notifications.deadlineDue", vars);
  }
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

function NotificationLink({ item, organizationSlug, t }: { item: NotificationItem; organizationSlug: string; t: Translate }) {
  const link =
    item.kind === "catalog.changed"
      ? { href: `/${organizationSlug}/catalog-changes`, label: t("catalogChanges.openChanges") }
      : item.kind === "risk-list.published"
        ? { href: `/${organizationSlug}/deadlines`, label: t("notifications.openDeadlines") }
        : "deadline" in item
          ? { href: `/${organizationSlug}/skus/${item.deadline.skuId}`, label: t("notifications.openSku") }
          : { href: `/${organizationSlug}/evidence/${item.evidence.evidenceId}`, label: t("notifications.openEvidence") };
  return (
    <Link className="text-brand-600 underline" href={link.href}>
      {link.label}
    </Link>
  );
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
                <NotificationLink item={item} organizationSlug={organizationSlug} t={t} />
              </p>
            </div>
            {unread ? <MarkReadButton organizationSlug={organizationSlug} id={item.id} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
