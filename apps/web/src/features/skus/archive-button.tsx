"use client";

import { useRouter } from "next/navigation";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { setSkuArchivedAction } from "./actions";

export function ArchiveButton({ organizationSlug, skuId, archived }: { organizationSlug: string; skuId: string; archived: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <div>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() => run(() => setSkuArchivedAction(organizationSlug, { skuId, archived: !archived }), () => router.refresh())}
      >
        {archived ? t("skus.restore") : t("skus.archive")}
      </button>
      <FormError error={error} />
    </div>
  );
}
