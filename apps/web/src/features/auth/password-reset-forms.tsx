"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { requestPasswordResetAction, resetPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <div className="space-y-4">
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" role="status" data-testid="reset-requested">{t("passwordReset.sent")}</p>
        <Link href="/sign-in" className="text-sm text-brand-600 hover:underline">{t("passwordReset.backToSignIn")}</Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["email"]);
        run(() => requestPasswordResetAction(fields), () => setSent(true));
      }}
    >
      <Field label={t("passwordReset.email")} name="email" error={error?.fieldErrors?.email}>
        <input id="email" name="email" type="email" required className={inputClass} autoComplete="username" />
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("common.loading") : t("passwordReset.send")}
      </button>
      <Link href="/sign-in" className="block text-center text-sm text-brand-600 hover:underline">{t("passwordReset.backToSignIn")}</Link>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["password"]);
        run(
          () => resetPasswordAction({ token, password: fields.password }),
          (data) => {
            router.push(data.signedIn ? "/" : "/sign-in");
            router.refresh();
          },
        );
      }}
    >
      <Field label={t("passwordReset.newPassword")} name="password" error={error?.fieldErrors?.password}>
        <input id="password" name="password" type="password" required minLength={12} className={inputClass} autoComplete="new-password" />
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      {error?.reason === "reset_link_invalid" ? (
        <Link href="/forgot-password" className="block text-sm text-brand-600 hover:underline">{t("passwordReset.requestNew")}</Link>
      ) : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("common.loading") : t("passwordReset.submit")}
      </button>
    </form>
  );
}
