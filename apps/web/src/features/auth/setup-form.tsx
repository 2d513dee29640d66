"use client";

import { useRouter } from "next/navigation";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { setupFirstOwnerAction } from "./actions";

export function SetupForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const fieldError = (name: string) => error?.fieldErrors?.[name];

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["name", "email", "password", "organizationName", "organizationKind"]);
        run(
          () => setupFirstOwnerAction({ ...fields, organizationKind: fields.organizationKind as "manufacturer" }),
          (data) => router.push(`/${data.organizationSlug}`),
        );
      }}
    >
      <Field label={t("setup.name")} name="name" error={fieldError("name")}>
        <input id="name" name="name" required className={inputClass} autoComplete="name" />
      </Field>
      <Field label={t("setup.email")} name="email" error={fieldError("email")}>
        <input id="email" name="email" type="email" required className={inputClass} autoComplete="email" />
      </Field>
      <Field label={t("setup.password")} name="password" error={fieldError("password")}>
        <input id="password" name="password" type="password" required minLength={12} className={inputClass} autoComplete="new-password" />
      </Field>
      <Field label={t("setup.organizationName")} name="organizationName" error={fieldError("organizationName")}>
        <input id="organizationName" name="organizationName" required className={inputClass} />
      </Field>
      <Field label={t("setup.organizationKind")} name="organizationKind">
        <select id="organizationKind" name="organizationKind" className={inputClass} defaultValue="manufacturer">
          <option value="manufacturer">{t("kinds.manufacturer")}</option>
          <option value="importer">{t("kinds.importer")}</option>
          <option value="consultancy">{t("kinds.consultancy")}</option>
        </select>
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      <button type="submit" className={`${buttonClass} w-full`} disabled={pending}>
        {pending ? t("common.loading") : t("setup.submit")}
      </button>
    </form>
  );
}
