"use client";

import type { DECLARATION_STATUS_CHANGES, DECLARATION_STATUSES } from "@hopquy/core";
import { useRouter } from "next/navigation";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { setDeclarationStatusAction } from "./actions";

type Status = (typeof DECLARATION_STATUSES)[number];
type Change = (typeof DECLARATION_STATUS_CHANGES)[number];
const CHANGES = ["acknowledged", "returned_for_correction", "withdrawn"] as const satisfies readonly Change[];

// The authority's answer, or a withdrawal (final, so it asks first).
export function DeclarationStatusButtons({ organizationSlug, declarationId, status }: { organizationSlug: string; declarationId: string; status: Status }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  if (status === "withdrawn") return null;
  return (
    <div className="flex flex-wrap gap-1">
      {CHANGES.filter((next) => next !== status).map((next) => (
        <button
          key={next}
          type="button"
          className={`${secondaryButtonClass} text-xs`}
          disabled={pending}
          data-testid={`declaration-${next}`}
          onClick={() => {
            if (next === "withdrawn" && !window.confirm(t("declarations.confirmWithdraw"))) return;
            run(() => setDeclarationStatusAction(organizationSlug, { declarationId, status: next }), () => router.refresh());
          }}
        >
          {t(`declarations.setStatus.${next}`)}
        </button>
      ))}
      <FormError error={error} />
    </div>
  );
}
