"use client";

import { ActionButton } from "@/features/shell/action-button";
import { useI18n } from "@/i18n/i18n-provider";
import { markNotificationsReadAction } from "./actions";

// One notification (`id`) or all of the caller's unread ones in this organization.
export function MarkReadButton({ organizationSlug, id }: { organizationSlug: string; id?: string }) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={id ? t("notifications.markRead") : t("notifications.markAllRead")}
      action={() => markNotificationsReadAction(organizationSlug, id ? { ids: [id] } : { all: true })}
    />
  );
}
