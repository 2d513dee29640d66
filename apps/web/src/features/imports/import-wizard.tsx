"use client";

import type { ImportOptions, ImportRunReport } from "@hopquy/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/features/shell/form-parts";
import { RunProgress } from "@/features/shell/run-progress";
import { useI18n } from "@/i18n/i18n-provider";
import type { MessageKey } from "@/i18n/translate";
import { useAction } from "@/lib/use-action";
import { cancelImportRunAction, checkImportRunAction, startImportRunAction } from "./actions";
import { ArchiveUpload } from "./archive-upload";
import { ImportIssueTable } from "./import-issue-table";
import { issueMessage } from "./issue-message";

export interface WizardRun {
  id: string;
  kind: "sku" | "evidence_register";
  state: "uploaded" | "queued" | "running" | "done" | "failed" | "cancelled";
  rowTotal: number;
  rowDone: number;
  header: string[];
  columnMapping: (string | null)[];
  options: ImportOptions | null;
  report: ImportRunReport | null;
  fields: { key: string; vi: string; en: string; required: boolean }[];
  samples: string[][];
  canRun: boolean;
  takesArchive: boolean;
  archiveName: string | null;
  archiveSize: number | null;
  error: string | null;
  /** All issues of the report; the page sends only the first ones. */
  issueCount: number;
}

const DEFAULT_OPTIONS: ImportOptions = { mode: "valid_rows_only", onExisting: "skip", mergeIdenticalDuplicates: false, evidenceState: "draft" };

// Map columns -> check -> start, then progress and the result. Every step is stored on the run, so
// the page can be reloaded (or left) at any point; the server checks again when the job runs.
export function ImportWizard({ organizationSlug, run }: { organizationSlug: string; run: WizardRun }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const { error, pending, run: act } = useAction();
  const [mapping, setMapping] = useState(run.columnMapping);
  const [options, setOptions] = useState<ImportOptions>(run.options ?? DEFAULT_OPTIONS);
  // A change after the check makes the preview stale: the import can start only from a fresh check.
  const [dirty, setDirty] = useState(false);
  const report = run.report;
  const rejectedUrl = `/api/orgs/${organizationSlug}/imports/${run.id}/rejected`;
  const fieldLabel = (f: WizardRun["fields"][number]) => `${locale === "vi" ? f.vi : f.en}${f.required ? ` (${t("imports.required")})` : ""}`;
  const change = <T,>(apply: () => T) => {
    apply();
    setDirty(true);
  };

  if (run.state !== "uploaded") {
    return (
      <div className="space-y-4">
        <RunProgress
          state={run.state}
          done={run.state === "done" ? run.rowTotal : run.rowDone}
          total={run.rowTotal}
          testId="import-progress"
          label={(percent) => `${t(`imports.states.${run.state}` as MessageKey)} · ${t("imports.progress", { done: run.rowDone, total: run.rowTotal, percent })}`}
        />
        {run.state === "queued" && run.canRun ? (
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => act(() => cancelImportRunAction(organizationSlug, { runId: run.id }), () => router.refresh())}>
            {t("imports.cancel")}
          </button>
        ) : null}
        {run.state === "failed" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{t("imports.failed", { error: issueText(t, run.error ?? "") })}</p> : null}
        {run.state === "done" && report ? <ResultView kind={run.kind} report={report} issueCount={run.issueCount} organizationSlug={organizationSlug} rejectedUrl={rejectedUrl} /> : null}
        <FormError error={error} />
      </div>
    );
  }

  if (!run.canRun) return <p className="text-sm text-slate-600">{t("imports.noPermission")}</p>;
  const canStart = report && !dirty && report.fileIssues.length === 0 && report.writeCount > 0 && !(options.mode === "all_or_nothing" && report.rejectedCount > 0);
  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("imports.steps.map")}</h2>
        <p className="text-sm text-slate-600">{t("imports.mapIntro")}</p>
        <table className="w-full text-sm" data-testid="column-mapping">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1">{t("imports.yourColumn")}</th>
              <th className="py-1">{t("imports.samples")}</th>
              <th className="py-1">{t("imports.field")}</th>
            </tr>
          </thead>
          <tbody>
            {run.header.map((header, index) => (
              <tr key={index} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-2 font-medium">{header || `#${index + 1}`}</td>
                <td className="max-w-xs truncate py-1 pr-2 text-slate-600">{run.samples[index]?.join(" · ")}</td>
                <td className="py-1">
                  <select
                    aria-label={`${t("imports.field")}: ${header || `#${index + 1}`}`}
                    className={inputClass}
                    value={mapping[index] ?? ""}
                    onChange={(event) => {
                      const value = event.currentTarget.value || null;
                      change(() => setMapping((current) => current.map((field, i) => (i === index ? value : field))));
                    }}
                  >
                    <option value="">{t("imports.ignore")}</option>
                    {run.fields.map((field) => (
                      <option key={field.key} value={field.key}>{fieldLabel(field)}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {run.takesArchive ? <ArchiveUpload organizationSlug={organizationSlug} runId={run.id} archiveName={run.archiveName} archiveSize={run.archiveSize} /> : null}
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("imports.mode")}</legend>
          {(["valid_rows_only", "all_or_nothing"] as const).map((mode) => (
            <label key={mode} className="flex items-center gap-2">
              <input type="radio" name="mode" value={mode} checked={options.mode === mode} onChange={() => change(() => setOptions({ ...options, mode }))} />
              {t(`imports.modes.${mode}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("imports.onExisting")}</legend>
          {(["skip", "update"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-2">
              <input type="radio" name="onExisting" value={choice} checked={options.onExisting === choice} onChange={() => change(() => setOptions({ ...options, onExisting: choice }))} />
              {t(`imports.onExistingOptions.${choice}`)}
            </label>
          ))}
        </fieldset>
        {run.kind === "evidence_register" ? (
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">{t("imports.evidence.state")}</legend>
            {(["draft", "submitted"] as const).map((state) => (
              <label key={state} className="flex items-center gap-2">
                <input type="radio" name="evidenceState" value={state} checked={options.evidenceState === state} onChange={() => change(() => setOptions({ ...options, evidenceState: state }))} />
                {t(`imports.evidence.states.${state}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {run.kind === "sku" ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={options.mergeIdenticalDuplicates} onChange={(event) => { const checked = event.currentTarget.checked; change(() => setOptions({ ...options, mergeIdenticalDuplicates: checked })); }} />
          {t("imports.mergeIdentical")}
        </label>
        ) : null}
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() => act(() => checkImportRunAction(organizationSlug, { runId: run.id, columnMapping: mapping, options }), () => { setDirty(false); router.refresh(); })}
        >
          {pending ? t("common.loading") : t("imports.check")}
        </button>
        <FormError error={error} />
      </section>

      {report && !dirty ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("imports.steps.check")}</h2>
          <ReportSummary report={report} />
          {report.preview.length ? (
            <div className="overflow-x-auto">
              <h3 className="text-sm font-medium">{t("imports.preview")}</h3>
              <table className="w-full text-sm" data-testid="import-preview">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1">{t("imports.line")}</th>
                    <th className="py-1">{t("imports.action")}</th>
                    {report.preview[0]!.values.map(([key]) => {
                      const field = run.fields.find((f) => f.key === key);
                      return <th key={key} className="py-1">{field ? (locale === "vi" ? field.vi : field.en) : key}</th>;
                    })}
                  </tr>
                </thead>
                <tbody>
                  {report.preview.map((row) => (
                    <tr key={row.line} className="border-t border-slate-100">
                      <td className="py-1 font-mono">{row.line}</td>
                      <td className="py-1">{t(`imports.actions.${row.action}`)}</td>
                      {row.values.map(([key, value]) => (
                        <td key={key} className="py-1">{value}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <ImportIssueTable key={report.issues.length} issues={[...report.fileIssues, ...report.issues]} issueCount={report.fileIssues.length + run.issueCount} />
          {report.rejectedCount > 0 ? <a href={rejectedUrl} className="block text-sm text-brand-600 underline" download>{t("imports.downloadRejected")}</a> : null}
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              className={buttonClass}
              disabled={!canStart || pending}
              onClick={() => act(() => startImportRunAction(organizationSlug, { runId: run.id }), () => router.refresh())}
            >
              {t("imports.start", { count: report.writeCount })}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => act(() => cancelImportRunAction(organizationSlug, { runId: run.id }), () => router.refresh())}>
              {t("imports.cancel")}
            </button>
          </div>
          {options.mode === "all_or_nothing" && report.rejectedCount > 0 ? <p className="text-xs text-slate-600">{t("imports.startAllOrNothingBlocked")}</p> : null}
        </section>
      ) : null}
    </div>
  );
}

function ReportSummary({ report }: { report: ImportRunReport }) {
  const { t } = useI18n();
  return (
    <div className="space-y-1 text-sm">
      <p role="status" className="font-medium" data-testid="import-summary">
        {t("imports.checked", { rows: report.rowCount, write: report.writeCount, rejected: report.rejectedCount, skipped: report.skippedCount, warnings: report.warningCount })}
      </p>
      {report.ignoredColumns.length ? (
        <p className="text-amber-800" data-testid="ignored-columns">{t("imports.ignoredColumns", { columns: report.ignoredColumns.map((c) => c.header || c.cell).join(", ") })}</p>
      ) : null}
    </div>
  );
}

function ResultView({ kind, report, issueCount, organizationSlug, rejectedUrl }: { kind: WizardRun["kind"]; report: ImportRunReport; issueCount: number; organizationSlug: string; rejectedUrl: string }) {
  const { t } = useI18n();
  const counts = report.counts;
  const n = (key: string) => counts?.[key] ?? 0;
  return (
    <div className="space-y-3">
      {report.outcome === "imported" && counts ? (
        <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="import-result">
          <p className="font-semibold">
            {kind === "sku"
              ? t("imports.result", { created: n("created"), updated: n("updated"), skipped: n("skipped"), rejected: report.rejectedCount, families: n("familiesCreated"), firmware: n("firmwareAdded") })
              : t("imports.evidence.result", { created: n("evidenceCreated"), updated: n("evidenceUpdated"), clauses: n("clauseLinks"), skus: n("skuLinks"), files: n("files"), skipped: n("skipped"), rejected: report.rejectedCount })}
          </p>
          <Link href={`/${organizationSlug}/${kind === "sku" ? "skus" : "evidence"}`} className="text-brand-600 underline">{t(kind === "sku" ? "imports.backToList" : "imports.evidence.backToList")}</Link>
        </div>
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="import-result">{t("imports.refused", { rejected: report.rejectedCount })}</p>
      )}
      {report.rejectedCount > 0 ? <a href={rejectedUrl} className="block text-sm text-brand-600 underline" download>{t("imports.downloadRejected")}</a> : null}
      <ImportIssueTable key={report.issues.length} issues={report.issues} issueCount={issueCount} />
    </div>
  );
}

const issueText = (t: ReturnType<typeof useI18n>["t"], code: string) => issueMessage(t, { code });
