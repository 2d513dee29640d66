"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { ActionError } from "@/lib/action-result";
import { acceptInvitationAction, signUpWithInvitationAction } from "./actions";

export function SignUpWithInvitationForm({ token, email }: { token: string; email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await signUpWithInvitationAction({
            token,
            name: String(form.get("name") ?? ""),
            password: String(form.get("password") ?? ""),
          });
          if (result.ok) {
            router.push(`/${result.data.organizationSlug}`);
            router.refresh();
          } else setError(result.error);
        });
      }}
    >
      <Field label={t("signIn.email")} name="email">
        <input id="email" value={email} readOnly className={`${inputClass} bg-slate-100`} />
      </Field>
      <Field label={t("invite.name")} name="name" error={error?.fieldErrors?.name}>
        <input id="name" name="name" required className={inputClass} autoComplete="name" />
      </Field>
      <Field label={t("invite.password")} name="password" error={error?.fieldErrors?.password}>
        <input id="password" name="password" type="password" required minLength={12} className={inputClass} autoComplete="new-password" />
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("common.loading") : t("invite.createAccount")}
      </button>
    </form>
  );
}

export function AcceptInvitationButton({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <FormError error={error} />
      <button
        type="button"
        className={`${buttonClass} w-full`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAction({ token });
            if (result.ok) {
              router.push(`/${result.data.organizationSlug}`);
              router.refresh();
            } else setError(result.error);
          })
        }
      >
        {t("invite.accept")}
      </button>
    </div>
  );
}
