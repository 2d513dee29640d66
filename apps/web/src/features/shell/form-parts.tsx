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

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-50";

export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50";

export function FormError({ error }: { error: ActionError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
      {translateError(t, error)}
    </p>
  );
}
