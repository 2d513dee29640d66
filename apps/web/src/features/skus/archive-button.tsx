"use client";

import { ActionButton } from "@/features/shell/action-button";
import { useI18n } from "@/i18n/i18n-provider";
import { setSkuArchivedAction } from "./actions";

export function ArchiveButton({ organizationSlug, skuId, archived }: { organizationSlug: string; skuId: string; archived: boolean }) {
  const { t } = useI18n();
  return (
    <ActionButton
      label={archived ? t("skus.restore") : t("skus.archive")}
      action={() => setSkuArchivedAction(organizationSlug, { skuId, archived: !archived })}
    />
  );
}
