"use client";

import type { ImportMode, SkuImportReport } from "@hopquy/core";
import Link from "next/link";
import { useState } from "react";
import { buttonClass, FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { importSkusAction } from "./actions";
import { ImportIssueTable } from "./import-issue-table";

const MAX_BYTES = 5 * 1024 * 1024;

// Two steps: check the file (nothing is written), then import all or nothing, or only the valid
// rows. The server checks the file again on import; the preview is never trusted.
export function SkuImportForm({ organizationSlug }: { organizationSlug: string }) {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<SkuImportReport | null>(null);
  const [tooLarge, setTooLarge] = useState(false);

  const submit = (mode: ImportMode) => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    run(() => importSkusAction(organizationSlug, form), setReport);
  };

  const checked = report?.outcome === "validated" && !report.fileInvalid;
  const canImport = checked && report.validRowCount > 0;
  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit("validate");
        }}
      >
        <label className="block space-y-1" htmlFor="sku-import-file">
          <span className="text-sm font-medium text-slate-700">{t("skuImport.file")}</span>
          <input
            id="sku-import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="block text-sm"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              // Caught here too: a file over the action's body limit would never reach the server.
              setTooLarge(Boolean(chosen && chosen.size > MAX_BYTES));
              setFile(chosen);
              setReport(null);
            }}
          />
        </label>
        <button type="submit" className={secondaryButtonClass} disabled={!file || tooLarge || pending}>
          {pending ? t("common.loading") : t("skuImport.check")}
        </button>
      </form>

      {tooLarge ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("skuImport.issues.file_too_large", { maxMb: 5 })}
        </p>
      ) : null}
      {error?.reason === "import_conflict" ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{t("skuImport.conflict")}</p>
      ) : (
        <FormError error={error} />
      )}

      {report ? <ReportView report={report} organizationSlug={organizationSlug} /> : null}

      {canImport ? (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-1">
            <button type="button" className={buttonClass} disabled={pending || report.invalidRowCount > 0} onClick={() => submit("all_or_nothing")}>
              {t("skuImport.importAll", { count: report.rowCount })}
            </button>
            <p className="text-xs text-slate-600">{t("skuImport.importAllHelp")}</p>
          </div>
          {report.invalidRowCount > 0 ? (
            <div className="space-y-1">
              <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => submit("valid_rows_only")}>
                {t("skuImport.importValid", { count: report.validRowCount })}
              </button>
              <p className="text-xs text-slate-600">{t("skuImport.importValidHelp")}</p>
            </div>
          ) : null}
        </div>
      ) : null}

      {report ? <ImportIssueTable key={`${report.mode}-${report.issueCount}`} issues={report.issues} issueCount={report.issueCount} /> : null}
    </div>
  );
}

function ReportView({ report, organizationSlug }: { report: SkuImportReport; organizationSlug: string }) {
  const { t } = useI18n();
  if (report.fileInvalid) {
    return <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">{t("skuImport.fileInvalid")}</p>;
  }
  const summary = t("skuImport.summary", { rows: report.rowCount, valid: report.validRowCount, invalid: report.invalidRowCount });
  if (report.outcome === "imported") {
    return (
      <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
        <p className="font-semibold">{t("skuImport.imported", { skus: report.imported.skus, families: report.imported.families })}</p>
        {report.invalidRowCount > 0 ? <p>{t("skuImport.skipped", { count: report.invalidRowCount })}</p> : null}
        <Link href={`/${organizationSlug}/skus`} className="text-brand-600 underline">{t("skuImport.backToList")}</Link>
      </div>
    );
  }
  if (report.outcome === "refused") {
    return (
      <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
        <p className="font-semibold">{report.validRowCount === 0 ? t("skuImport.noValidRows") : t("skuImport.refused")}</p>
        <p>{summary}</p>
      </div>
    );
  }
  return (
    <p role="status" className="text-sm font-medium" data-testid="import-summary">
      {summary} {report.validRowCount === 0 ? t("skuImport.noValidRows") : null}
    </p>
  );
}
