"use client";

import { useRouter } from "next/navigation";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { signInAction } from "./actions";

// Only same-site paths are followed after sign-in (no open redirect).
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInForm({ next }: { next?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["email", "password"]);
        run(
          () => signInAction(fields),
          () => {
            router.push(safeNext(next));
            router.refresh();
          },
        );
      }}
    >
      <Field label={t("signIn.email")} name="email">
        <input id="email" name="email" type="email" required className={inputClass} autoComplete="username" />
      </Field>
      <Field label={t("signIn.password")} name="password">
        <input id="password" name="password" type="password" required className={inputClass} autoComplete="current-password" />
      </Field>
      <FormError error={error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("common.loading") : t("signIn.submit")}
      </button>
    </form>
  );
}
