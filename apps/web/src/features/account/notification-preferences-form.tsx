"use client";

import { useState } from "react";
import { buttonClass, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { MessageKey } from "@/i18n/translate";
import { useAction } from "@/lib/use-action";
import { updateNotificationPreferencesAction } from "./actions";

const DELIVERIES = ["in_app", "email_immediate", "email_digest", "off"] as const;
type Delivery = (typeof DELIVERIES)[number];

export function NotificationPreferencesForm({ preferences }: { preferences: { kind: string; delivery: Delivery }[] }) {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [saved, setSaved] = useState(false);
  // Kinds without a label yet (added by a newer feature) show their technical name.
  const label = (kind: string) => {
    const key = `account.kinds.${kind.replace(/\./g, "-")}` as MessageKey;
    return t(key) === key ? kind : t(key);
  };
  return (
    <form
      className="max-w-xl space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const chosen = Object.fromEntries(preferences.map((p) => [p.kind, String(data.get(p.kind) ?? p.delivery) as Delivery]));
        setSaved(false);
        run(() => updateNotificationPreferencesAction({ preferences: chosen }), () => setSaved(true));
      }}
    >
      <p className="text-sm text-slate-600">{t("account.notificationsHelp")}</p>
      <table className="w-full text-sm">
        <tbody>
          {preferences.map((p) => (
            <tr key={p.kind} className="border-b border-slate-100">
              <td className="py-2 pr-4">
                <label htmlFor={`pref-${p.kind}`}>{label(p.kind)}</label>
              </td>
              <td className="py-2">
                <select id={`pref-${p.kind}`} name={p.kind} defaultValue={p.delivery} className={inputClass} data-testid={`notification-preference-${p.kind}`}>
                  {DELIVERIES.map((d) => (
                    <option key={d} value={d}>{t(`account.deliveries.${d}`)}</option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={error} />
      {saved ? <p className="text-sm text-green-700" role="status">{t("settings.saved")}</p> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("common.loading") : t("account.savePreferences")}
      </button>
    </form>
  );
}
