"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { ActionError } from "@/lib/action-result";
import { postFile } from "@/lib/post-file";

// The optional ZIP of the files an evidence register names, streamed to its route with progress.
// Attaching it clears the check: the files are matched on the next one.
export function ArchiveUpload({ organizationSlug, runId, archiveName, archiveSize }: { organizationSlug: string; runId: string; archiveName: string | null; archiveSize: number | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const upload = async () => {
    if (!file) return;
    setError(null);
    setProgress(0);
    const result = await postFile(`/api/orgs/${encodeURIComponent(organizationSlug)}/imports/${encodeURIComponent(runId)}/archive`, file, setProgress, (body) => body.archive);
    setProgress(null);
    if (result.ok) router.refresh();
    else setError(result.error);
  };
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm" data-testid="archive-upload">
      <label className="block space-y-1" htmlFor="import-archive">
        <span className="font-medium text-slate-700">{t("imports.evidence.archive")}</span>
        <input id="import-archive" type="file" accept=".zip,application/zip" className="block" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
      </label>
      <button type="button" className={secondaryButtonClass} disabled={!file || progress !== null} onClick={() => void upload()}>
        {progress !== null ? `${Math.round(progress * 100)}%` : t("imports.evidence.archiveUpload")}
      </button>
      {archiveName ? <p data-testid="archive-attached">{t("imports.evidence.archiveAttached", { name: archiveName, size: ((archiveSize ?? 0) / 1024 / 1024).toFixed(1) })}</p> : null}
      <FormError error={error} />
    </div>
  );
}
