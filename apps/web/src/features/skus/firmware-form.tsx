"use client";

import { useRouter } from "next/navigation";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { addFirmwareVersionAction } from "./actions";

export function FirmwareForm({ organizationSlug, skuId }: { organizationSlug: string; skuId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const fields = formFields(form, ["version", "releaseDate", "supportEndsAt"]);
        const signedUpdates = (form.elements.namedItem("signedUpdates") as HTMLInputElement).checked;
        run(
          () => addFirmwareVersionAction(organizationSlug, { skuId, ...fields, signedUpdates }),
          () => {
            form.reset();
            router.refresh();
          },
        );
      }}
    >
      <Field label={t("skus.version")} name="fw-version" error={error?.fieldErrors?.version}>
        <input id="fw-version" name="version" required className={inputClass} />
      </Field>
      <Field label={t("skus.releaseDate")} name="fw-releaseDate" error={error?.fieldErrors?.releaseDate}>
        <input id="fw-releaseDate" name="releaseDate" type="date" className={inputClass} />
      </Field>
      <Field label={t("skus.supportEndsAt")} name="fw-supportEndsAt" error={error?.fieldErrors?.supportEndsAt}>
        <input id="fw-supportEndsAt" name="supportEndsAt" type="date" className={inputClass} />
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input id="fw-signedUpdates" name="signedUpdates" type="checkbox" />
        {t("skus.signedUpdates")}
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("common.loading") : t("skus.addFirmware")}
      </button>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
    </form>
  );
}
