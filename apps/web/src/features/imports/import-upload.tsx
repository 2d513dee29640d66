"use client";

import type { ImportIssue } from "@hopquy/core";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import type { ImportKindName } from "@hopquy/core";
import { uploadImportFileAction } from "./actions";
import { ImportIssueTable } from "./import-issue-table";

const MAX_BYTES = 5 * 1024 * 1024;

// Step 0 of the wizard: the file is read once (format, encoding, size) and stored; the mapping
// step then opens on its own page, so a reload keeps the import where it was.
export function ImportUpload({ organizationSlug, kind, label }: { organizationSlug: string; kind: ImportKindName; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<ImportIssue[] | null>(null);
  const tooLarge = Boolean(file && file.size > MAX_BYTES);
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return;
          const form = new FormData();
          form.set("file", file);
          form.set("kind", kind);
          run(
            () => uploadImportFileAction(organizationSlug, form),
            (result) => {
              if (result.ok) router.push(`/${organizationSlug}/imports/${result.runId}`);
              else setRefused(result.issues);
            },
          );
        }}
      >
        <label className="block space-y-1" htmlFor="import-file">
          <span className="text-sm font-medium text-slate-700">{label}</span>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block text-sm"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setRefused(null);
            }}
          />
        </label>
        <button type="submit" className={buttonClass} disabled={!file || tooLarge || pending}>
          {pending ? t("common.loading") : t("imports.upload")}
        </button>
      </form>
      {tooLarge ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("imports.issues.file_too_large", { maxMb: 5 })}
        </p>
      ) : null}
      <FormError error={error} />
      {refused ? (
        <div className="space-y-2">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">{t("imports.fileInvalid")}</p>
          <ImportIssueTable issues={refused} issueCount={refused.length} />
        </div>
      ) : null}
    </div>
  );
}
