"use client";

import { useRouter } from "next/navigation";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { acceptInvitationAction, signUpWithInvitationAction } from "./actions";

export function SignUpWithInvitationForm({ token, email }: { token: string; email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const enterOrganization = (data: { organizationSlug: string }) => {
    router.push(`/${data.organizationSlug}`);
    router.refresh();
  };
  const { error, pending, run } = useAction();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["name", "password"]);
        run(() => signUpWithInvitationAction({ token, ...fields }), enterOrganization);
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
  const enterOrganization = (data: { organizationSlug: string }) => {
    router.push(`/${data.organizationSlug}`);
    router.refresh();
  };
  const { error, pending, run } = useAction();
  return (
    <div className="space-y-3">
      <FormError error={error} />
      <button
        type="button"
        className={`${buttonClass} w-full`}
        disabled={pending}
        onClick={() => run(() => acceptInvitationAction({ token }), enterOrganization)}
      >
        {t("invite.accept")}
      </button>
    </div>
  );
}
