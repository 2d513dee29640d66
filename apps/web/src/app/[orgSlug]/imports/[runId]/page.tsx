import { getImportRun, MAX_SHOWN_ISSUES } from "@hopquy/core";
import Link from "next/link";
import { ImportWizard } from "@/features/imports/import-wizard";
import { getTranslator } from "@/i18n/get-locale";
import { getBlobStore } from "@/lib/blob-store";
import { getTenantPageContext } from "@/lib/tenant-page";

const DELIMITER_NAMES: Record<string, string> = { ",": ",", ";": ";", "\t": "Tab" };

export default async function ImportRunPage({ params }: { params: Promise<{ orgSlug: string; runId: string }> }) {
  const { orgSlug, runId } = await params;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t } = await getTranslator();
  const run = await getImportRun(ctx, getBlobStore(), runId);
  // Thousands of issues stay on the server: the page shows the first ones, the CSV download has all.
  const report = run.report ? { ...run.report, issues: run.report.issues.slice(0, MAX_SHOWN_ISSUES) } : null;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Link href={`/${ctx.organizationSlug}/${run.kind === "sku" ? "skus" : "evidence"}/import`} className="text-sm text-brand-600 underline">← {t(run.kind === "sku" ? "imports.title" : "imports.evidence.title")}</Link>
        <h1 className="text-2xl font-bold">{t("imports.wizardTitle", { fileName: run.fileName })}</h1>
        <p className="text-xs text-slate-600" data-testid="import-file-facts">
          {t("imports.detected", { format: run.format.toUpperCase(), encoding: run.encoding ?? "xlsx", delimiter: DELIMITER_NAMES[run.delimiter ?? ""] ?? "—", rows: run.rowTotal, sha: run.fileSha256.slice(0, 16) })}
        </p>
      </header>
      <ImportWizard
        organizationSlug={ctx.organizationSlug}
        run={{
          id: run.id,
          kind: run.kind,
          state: run.state,
          rowTotal: run.rowTotal,
          rowDone: run.rowDone,
          header: run.header,
          columnMapping: run.columnMapping,
          options: run.options,
          report,
          fields: run.fields,
          samples: run.samples,
          canRun: run.canRun,
          takesArchive: run.takesArchive,
          archiveName: run.archiveName,
          archiveSize: run.archiveSize,
          error: run.error,
          issueCount: run.report?.issues.length ?? 0,
        }}
      />
    </div>
  );
}
