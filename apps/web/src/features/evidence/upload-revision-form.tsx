"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { ActionError } from "@/lib/action-result";
import { uploadEvidenceFile } from "./upload-file";
import { UploadProgress } from "./upload-progress";

export function UploadRevisionForm({ organizationSlug, evidenceId }: { organizationSlug: string; evidenceId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [done, setDone] = useState<number | null>(null);
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) return;
        setError(null);
        setDone(null);
        setProgress(0);
        const result = await uploadEvidenceFile(organizationSlug, evidenceId, file, setProgress);
        setProgress(null);
        if (result.ok) {
          setDone(result.revision.number);
          form.reset();
          router.refresh();
        } else {
          setError(result.error);
        }
      }}
    >
      <label className="block text-sm font-medium text-slate-700" htmlFor="revision-file">{t("evidence.uploadNew")}</label>
      <p className="text-xs text-slate-500">{t("evidence.uploadNewHelp")} {t("evidence.fileHelp")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <input id="revision-file" name="file" type="file" required className={`${inputClass} max-w-md`} />
        <button type="submit" className={buttonClass} disabled={progress !== null}>{t("evidence.upload")}</button>
      </div>
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      {done !== null ? <p className="text-sm text-green-700" role="status">{t("evidence.uploaded", { number: done })}</p> : null}
      <FormError error={error} />
    </form>
  );
}
