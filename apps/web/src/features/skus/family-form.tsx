"use client";

import { useRouter } from "next/navigation";
import { secondaryButtonClass, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { createProductFamilyAction } from "./actions";

export function FamilyForm({ organizationSlug }: { organizationSlug: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        run(() => createProductFamilyAction(organizationSlug, formFields(form, ["name"])), () => {
          form.reset();
          router.refresh();
        });
      }}
    >
      <input name="name" required aria-label={t("skus.newFamily")} placeholder={t("skus.newFamily")} className={`${inputClass} max-w-xs`} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{t("skus.createFamily")}</button>
      <FormError error={error} />
    </form>
  );
}
