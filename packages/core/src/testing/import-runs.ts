// Runs a file through the whole import path (upload -> check -> start -> the worker's execute),
// as the wizard and the worker do, for tests and benchmarks.
import type { BlobStore } from "@hopquy/storage";
import type { TenantContext } from "../context";
import type { ColumnMapping } from "../imports/column-mapping";
import { checkImportRun, executeImportRun, getImportRun, startImportRun, uploadImportFile, type ImportKindName, type ImportOptions, type ImportRunReport } from "../imports/import-runs";
import { createTempBlobStore } from "./evidence-fixtures";

let sharedStore: BlobStore | undefined;
export const testImportStore = () => (sharedStore ??= createTempBlobStore());

export interface TestImportFile {
  fileName: string;
  bytes: Uint8Array;
  kind?: ImportKindName;
  /** The user's corrections: column index -> field (null = ignore); the rest stays as guessed. */
  remap?: Record<number, string | null>;
  options?: Partial<ImportOptions>;
}

export async function uploadAndCheck(ctx: TenantContext, file: TestImportFile, store = testImportStore()) {
  const uploaded = await uploadImportFile(ctx, store, { kind: file.kind ?? "sku", fileName: file.fileName, bytes: file.bytes });
  if (!uploaded.ok) return { uploaded, runId: null, report: null } as const;
  const run = await getImportRun(ctx, store, uploaded.runId);
  const columnMapping: ColumnMapping = run.columnMapping.map((field, i) => (file.remap && Object.hasOwn(file.remap, i) ? file.remap[i]! : field));
  const report = await checkImportRun(ctx, store, { runId: uploaded.runId, columnMapping, options: file.options ?? {} });
  return { uploaded, runId: uploaded.runId, report } as const;
}

// The full path; `report` is the run's final report (or the check's, when nothing could be written).
export async function importFile(ctx: TenantContext, file: TestImportFile, store = testImportStore()): Promise<{ runId: string | null; checked: ImportRunReport | null; report: ImportRunReport | null; fileIssues: { line: number; code: string }[] }> {
  const checked = await uploadAndCheck(ctx, file, store);
  if (!checked.uploaded.ok) return { runId: null, checked: null, report: null, fileIssues: checked.uploaded.issues };
  if (checked.report!.fileIssues.length || checked.report!.writeCount === 0) return { runId: checked.runId, checked: checked.report, report: null, fileIssues: checked.report!.fileIssues };
  await startImportRun(ctx, checked.runId!);
  const executed = await executeImportRun({ organizationId: ctx.organizationId, runId: checked.runId! }, store);
  return { runId: checked.runId, checked: checked.report, report: executed.skipped ? null : executed.report, fileIssues: [] };
}
