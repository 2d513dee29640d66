"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { createOrganizationAction, updateOrganizationAction } from "./actions";

type Kind = "manufacturer" | "importer" | "consultancy";

// One form for creating an organization and for editing the current one (settings).
export function OrganizationForm({ organization }: { organization?: { slug: string; name: string; kind: Kind } }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const fields = formFields(event.currentTarget, ["name", "kind"]);
        const input = { name: fields.name, kind: fields.kind as Kind };
        setSaved(false);
        if (organization) {
          run(
            () => updateOrganizationAction(organization.slug, input),
            () => {
              setSaved(true);
              router.refresh();
            },
          );
        } else {
          run(() => createOrganizationAction(input), (data) => router.push(`/${data.slug}`));
        }
      }}
    >
      <Field label={t("orgs.name")} name="name" error={error?.fieldErrors?.name}>
        <input id="name" name="name" required defaultValue={organization?.name} className={inputClass} />
      </Field>
      <Field label={t("orgs.kind")} name="kind">
        <select id="kind" name="kind" defaultValue={organization?.kind ?? "manufacturer"} className={inputClass}>
          <option value="manufacturer">{t("kinds.manufacturer")}</option>
          <option value="importer">{t("kinds.importer")}</option>
          <option value="consultancy">{t("kinds.consultancy")}</option>
        </select>
      </Field>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      {saved ? <p className="text-sm text-green-700" role="status">{t("settings.saved")}</p> : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("common.loading") : organization ? t("common.save") : t("orgs.submit")}
      </button>
    </form>
  );
}
