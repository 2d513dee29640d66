"use client";

import { useState } from "react";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { verifyEvidenceRevisionAction } from "./actions";

// Re-hashes the stored bytes on the server and says whether they still match the recorded sha256.
export function VerifyButton({ organizationSlug, revisionId }: { organizationSlug: string; revisionId: string }) {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [intact, setIntact] = useState<boolean | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run(() => verifyEvidenceRevisionAction(organizationSlug, { revisionId }), (r) => setIntact(r.intact))}>
        {t("evidence.verify")}
      </button>
      {intact === true ? <span className="text-xs text-green-700" role="status">{t("evidence.intact")}</span> : null}
      {intact === false ? <span className="text-xs font-semibold text-red-700" role="alert">{t("evidence.corrupted")}</span> : null}
      <FormError error={error} />
    </span>
  );
}
