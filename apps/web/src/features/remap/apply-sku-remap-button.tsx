"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { applySkuRemapAction } from "./actions";

export function ApplySkuRemapButton({ organizationSlug, skuId, retestBefore, changes }: { organizationSlug: string; skuId: string; retestBefore?: string; changes: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [written, setWritten] = useState<number | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonClass}
        disabled={pending || changes === 0}
        onClick={() => run(() => applySkuRemapAction(organizationSlug, { skuId, retestBefore }), (data) => {
          setWritten(data.written);
          router.refresh();
        })}
      >
        {t("remap.apply", { count: changes })}
      </button>
      {written !== null ? <p className="text-sm text-green-700" role="status">{t("remap.applied", { count: written })}</p> : null}
      <FormError error={error} />
    </div>
  );
}
