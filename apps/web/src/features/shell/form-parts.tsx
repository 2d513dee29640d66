"use client";

import type { ReactNode } from "react";
import { useI18n } from "@/i18n/i18n-provider";
import { translateError, type MessageKey } from "@/i18n/translate";
import type { ActionError } from "@/lib/action-result";

export function Field({ label, name, error, children }: { label: string; name: string; error?: string[]; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <label className="block space-y-1" htmlFor={name}>
      <span className="text-sm font-medium text-slate-700">{label}</span>
      {children}
      {error?.map((message) => (
        <span key={message} className="block text-sm text-red-700" role="alert">
          {t(`errors.${message}` as MessageKey) === `errors.${message}` ? message : t(`errors.${message}` as MessageKey)}
        </span>
      ))}
    </label>
  );
}

export { buttonClass, inputClass, secondaryButtonClass } from "./control-styles";

export function FormError({ error }: { error: ActionError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
      {translateError(t, error)}
    </p>
  );
}
