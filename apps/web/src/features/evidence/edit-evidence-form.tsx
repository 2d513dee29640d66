"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { updateEvidenceAction } from "./actions";
import { EvidenceFields, readEvidenceFields, type EvidenceFieldValues } from "./evidence-fields";

export function EditEvidenceForm({ organizationSlug, evidenceId, initial }: { organizationSlug: string; evidenceId: string; initial: EvidenceFieldValues }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        const fields = readEvidenceFields(event.currentTarget);
        run(() => updateEvidenceAction(organizationSlug, { evidenceId, ...fields }), () => {
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <EvidenceFields initial={initial} fieldErrors={error?.fieldErrors} />
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("common.loading") : t("common.save")}</button>
      {saved ? <p className="text-sm text-green-700" role="status">{t("evidence.saved")}</p> : null}
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
    </form>
  );
}
