"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CopyButton } from "@/features/shell/copy-button";
import { buttonClass, FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { createOrRotateCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

// Create / rotate / revoke the caller's feed. The URL exists only in this component's state right
// after creation (the server keeps its hash), so it is shown once.
export function CalendarFeedSection({ organizationSlug, active, statusText }: { organizationSlug: string; active: boolean; statusText: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <div className="space-y-3" data-testid="calendar-feed">
      <p className="text-sm text-slate-600">{t("calendarFeed.intro")}</p>
      <p className="text-sm" data-testid="calendar-feed-status">{statusText}</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={active ? secondaryButtonClass : buttonClass}
          disabled={pending}
          onClick={() => {
            if (active && !window.confirm(t("calendarFeed.rotateConfirm"))) return;
            setUrl(null);
            run(() => createOrRotateCalendarFeedAction(organizationSlug, {}), (data) => {
              setUrl(`${window.location.origin}${data.feedPath}`);
              router.refresh();
            });
          }}
        >
          {pending ? t("common.loading") : active ? t("calendarFeed.rotate") : t("calendarFeed.create")}
        </button>
        {active ? (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("calendarFeed.revokeConfirm"))) return;
              run(() => revokeCalendarFeedAction(organizationSlug, {}), () => {
                setUrl(null);
                router.refresh();
              });
            }}
          >
            {t("calendarFeed.revoke")}
          </button>
        ) : null}
      </div>
      <FormError error={error} />
      {url ? (
        <div className="space-y-2 rounded-md bg-green-50 p-3 text-sm" role="status">
          <p className="text-green-900">{t("calendarFeed.urlOnce")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="block min-w-0 flex-1 break-all font-mono text-xs" data-testid="calendar-feed-url">{url}</code>
            <CopyButton text={url} />
          </div>
          <p className="text-slate-600">{t("calendarFeed.howTo")}</p>
        </div>
      ) : null}
    </div>
  );
}
