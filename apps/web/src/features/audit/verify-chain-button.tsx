"use client";

import { useState } from "react";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { verifyAuditChainAction } from "./actions";

export function VerifyChainButton({ organizationSlug }: { organizationSlug: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ intact: boolean; text: string } | null>(null);
  const { error, pending, run } = useAction();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() =>
          run(
            () => verifyAuditChainAction(organizationSlug, {}),
            (chain) =>
              setMessage(
                chain.intact
                  ? { intact: true, text: t("audit.intact", { count: chain.checked }) }
                  : { intact: false, text: t("audit.broken", { seq: chain.brokenAtSeq, reason: chain.reason }) },
              ),
          )
        }
      >
        {pending ? t("common.loading") : t("audit.verify")}
      </button>
      {message ? (
        <p role="status" className={message.intact ? "text-sm text-green-700" : "text-sm font-semibold text-red-700"}>{message.text}</p>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
