"use client";

import { useI18n } from "@/i18n/i18n-provider";

export function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = useI18n();
  const percent = Math.round(fraction * 100);
  return (
    <div className="space-y-1" role="status">
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden>
        <div className="h-2 bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">{t("evidence.uploading", { percent })}</p>
    </div>
  );
}
