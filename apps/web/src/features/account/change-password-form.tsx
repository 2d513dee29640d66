"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [changed, setChanged] = useState(false);
  return (
    <form
      className="max-w-md space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const fields = formFields(form, ["currentPassword", "newPassword"]);
        setChanged(false);
        run(
          () => changePasswordAction(fields),
          () => {
            form.reset();
            setChanged(true);
          },
        );
      }}
    >
      <p className="text-sm text-slate-600">{t("account.changePasswordHelp")}</p>
      <Field label={t("account.currentPassword")} name="current-password" error={error?.fieldErrors?.currentPassword}>
        <input id="current-password" name="currentPassword" type="password" required className={inputClass} autoComplete="current-password" />
      </Field>
      <Field label={t("account.newPassword")} name="new-password" error={error?.fieldErrors?.newPassword}>
        <input id="new-password" name="newPassword" type="password" required minLength={12} className={inputClass} autoComplete="new-password" />
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      {changed ? <p className="text-sm text-green-700" role="status">{t("account.passwordChanged")}</p> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("common.loading") : t("account.changePasswordSubmit")}
      </button>
    </form>
  );
}
