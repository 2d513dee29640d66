// The import wizard's one path, whatever the kind and size of the file:
// upload (file stored, columns guessed) -> check (mapping confirmed, preview) -> start (queued) ->
// the worker executes (running, progress) -> done | failed; cancel while uploaded or queued.
// Like RemapRun, the ImportRun row is what the page shows, so it survives reloads.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { platformDb, Prisma, tenantDb, type TenantDb, type TenantTx } from "@hopquy/db";
import { isStorageError, type BlobStore } from "@hopquy/storage";
import { MAX_EVIDENCE_FILE_BYTES } from "../evidence/evidence-files";
import { listArchiveEntries, MAX_ARCHIVE_BYTES, withArchiveFile } from "./import-archive";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { logger } from "../logger";
import { assertCan, can, type Permission } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { rulesOfListInForce } from "../risk-lists/risk-list-in-force";
import { EVIDENCE_REGISTER_FIELDS } from "../evidence/evidence-register-rows";
import {
  EVIDENCE_IMPORT_STATES,
  evidenceRowsWritten,
  planEvidenceRegisterImport,
  prepareRegisterAttachments,
  writeEvidenceRegisterImport,
  type EvidenceRegisterPlan,
  type RegisterAttachments,
} from "../evidence/import-evidence-register";
import { planSkuImport, SKU_IMPORT_FIELDS, writeSkuImport, writtenRowCount, type SkuImportPlan } from "../skus/import-skus";
import { guessColumnMapping, savedMappingOf, type ColumnMapping, type ImportField, type SavedColumnMapping } from "./column-mapping";
import { IMPORT_MODES, isError, MAX_IMPORT_BYTES, ON_EXISTING, sortIssues, type ImportIssue } from "./import-report";
import { readImportTable, type ImportTable, type TableRead } from "./read-import-table";

export const IMPORT_KINDS = ["sku", "evidence_register"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const importOptionsSchema = z.object({
  mode: z.enum(IMPORT_MODES).default("valid_rows_only"),
  onExisting: z.enum(ON_EXISTING).default("skip"),
  mergeIdenticalDuplicates: z.boolean().default(false),
  // Evidence registers: imported evidence waits for a reviewer either way.
  evidenceState: z.enum(EVIDENCE_IMPORT_STATES).default("draft"),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;

// What every kind's plan reports; the rest of a plan is the kind's own business.
interface KindPlan {
  rowCount: number;
  fileIssues: ImportIssue[];
  issues: ImportIssue[];
  skipped: number[];
  ignored: { header: string; cell: string }[];
}

interface ImportKindDefinition<P extends KindPlan = KindPlan> {
  fields: readonly ImportField[];
  permission: Permission;
  /** Whether the kind takes a ZIP of files alongside the table. */
  takesArchive: boolean;
  /** Work outside the database transaction (reading the archive; storing its files when executing). */
  prepare?(store: BlobStore, run: { archiveKey: string | null }, table: ImportTable, mapping: ColumnMapping, phase: "check" | "execute"): Promise<unknown>;
  plan(db: TenantTx | TenantDb, ctx: TenantContext, table: ImportTable, mapping: ColumnMapping, options: ImportOptions, prepared: unknown): Promise<P>;
  /** Rows of the file that are (or would be) written. */
  writeCount(plan: P): number;
  preview(plan: P): ImportRunReport["preview"];
  write(tx: TenantTx, ctx: TenantContext, plan: P, context: { runId: string; options: ImportOptions; onProgress: (done: number) => Promise<void> }): Promise<Record<string, number>>;
}

const defineKind = <P extends KindPlan>(definition: ImportKindDefinition<P>) => definition as unknown as ImportKindDefinition;

export const IMPORT_KIND_DEFINITIONS: Record<ImportKindName, ImportKindDefinition> = {
  sku: defineKind<SkuImportPlan>({
    fields: SKU_IMPORT_FIELDS,
    permission: "sku:create",
    takesArchive: false,
    plan: (db, ctx, table, mapping, options) => planSkuImport(db, table, mapping, { ...options, canArchive: can(ctx, "sku:archive") }),
    writeCount: writtenRowCount,
    preview: (plan) =>
      [...plan.create.map((c) => ({ candidate: c, action: "create" as const })), ...plan.update.map((u) => ({ candidate: u.candidate, action: "update" as const }))]
        .sort((a, b) => a.candidate.line - b.candidate.line)
        .slice(0, PREVIEW_ROWS)
        .map(({ candidate, action }) => ({ line: candidate.line, action, values: previewValues(candidate) })),
    write: async (tx, ctx, plan, context) => ({ ...(await writeSkuImport(tx, ctx, plan, { list: await rulesOfListInForce(), runId: context.runId, onProgress: context.onProgress })) }),
  }),
  evidence_register: defineKind<EvidenceRegisterPlan>({
    fields: EVIDENCE_REGISTER_FIELDS,
    permission: "evidence:create",
    takesArchive: true,
    prepare: prepareRegisterAttachments,
    plan: (db, _ctx, table, mapping, options, prepared) => planEvidenceRegisterImport(db, table, mapping, options, prepared as RegisterAttachments | null),
    writeCount: evidenceRowsWritten,
    preview: (plan) =>
      [...plan.create.map((e) => ({ e, action: "create" as const })), ...plan.update.map((e) => ({ e, action: "update" as const }))]
        .sort((a, b) => a.e.item.line - b.e.item.line)
        .slice(0, PREVIEW_ROWS)
        .map(({ e, action }) => ({
          line: e.item.line,
          action,
          values: [
            ["title", e.item.title],
            ["kind", e.item.kind],
            ["issuer", e.item.issuer ?? ""],
            ["reportNumber", e.item.reportNumber ?? ""],
            ["expiryDate", e.item.expiryDate ?? ""],
            ["clauseCode", String(e.clauseLinks.length)],
            ["modelCode", String(e.skuIds.length)],
          ] as [string, string][],
        })),
    write: async (tx, ctx, plan, context) => ({ ...(await writeEvidenceRegisterImport(tx, ctx, plan, { runId: context.runId, evidenceState: context.options.evidenceState, onProgress: context.onProgress })) }),
  }),
};

const runId = z.string().min(1).max(64);
const columnMappingSchema = z.array(z.string().min(1).max(64).nullable()).max(500);

export const uploadImportFileInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().max(255).default(""),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "file_required"),
});
export const checkImportRunInput = z.object({ runId, columnMapping: columnMappingSchema, options: importOptionsSchema });

/** What a run's report says; stored on the run when checked (preview) and when done. */
export interface ImportRunReport {
  outcome: "checked" | "imported" | "refused";
  rowCount: number;
  /** Rows that are (or would be) written: created or updated. */
  writeCount: number;
  rejectedCount: number;
  skippedCount: number;
  warningCount: number;
  fileIssues: ImportIssue[];
  /** Every row issue (errors and warnings), in file order; the page shows the first ones. */
  issues: ImportIssue[];
  ignoredColumns: { header: string; cell: string }[];
  /** The first rows as they will be written: [field, value] pairs in field order (JSONB would reorder an object's keys). */
  preview: { line: number; action: "create" | "update"; values: [string, string][] }[];
  /** What the kind wrote (SKUs created/updated, evidence created, links...). */
  counts?: Record<string, number>;
}

// A record of the file was created by someone else between the plan and the insert: the retry plans again.
const importConflict = conflictOnUniqueViolation("import_conflict", "A record in the file was created meanwhile; nothing was imported");

const PREVIEW_ROWS = 10;
const SAMPLE_ROWS = 5;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 300_000 };

function definitionOf(kind: string): ImportKindDefinition {
  const definition = Object.hasOwn(IMPORT_KIND_DEFINITIONS, kind) ? IMPORT_KIND_DEFINITIONS[kind as ImportKindName] : undefined;
  if (!definition) throw new AppError("VALIDATION", `Unknown import kind ${kind}`, { reason: "unknown_import_kind" });
  return definition;
}

export type ImportUploadResult = { ok: true; runId: string } | { ok: false; fileName: string; format: TableRead["format"]; issues: ImportIssue[] };

// Reads the file once to refuse what cannot be imported at all (encoding, format, size), stores it
// and creates the run with the columns guessed (from the organization's last mapping first).
export async function uploadImportFile(ctx: TenantContext, store: BlobStore, rawInput: z.input<typeof uploadImportFileInput>): Promise<ImportUploadResult> {
  const input = uploadImportFileInput.parse(rawInput);
  const definition = definitionOf(input.kind);
  assertCan(ctx, definition.permission);
  const read = await readImportTable(input.fileName, input.bytes);
  if (!read.table) return { ok: false, fileName: input.fileName, format: read.format, issues: read.issues };
  // Text is stored as the UTF-8 it was decoded to (UTF-16 can sniff as anything); the run keeps
  // the SHA-256 of the file as uploaded, which is what the audit trail names.
  const fileSha256 = createHash("sha256").update(input.bytes).digest("hex");
  const content = read.text !== undefined ? Buffer.from(`\uFEFF${read.text}`, "utf8") : Buffer.from(input.bytes);
  const stored = await store.put({ stream: Readable.from([content]), fileName: input.fileName || "import", maxBytes: MAX_IMPORT_BYTES * 2 });
  const db = tenantDb(ctx.organizationId);
  const preset = await db.importColumnPreset.findUnique({ where: { organizationId_kind: { organizationId: ctx.organizationId, kind: input.kind } }, select: { mapping: true } });
  const columnMapping = guessColumnMapping(read.table.header, definition.fields, (preset?.mapping ?? {}) as SavedColumnMapping);
  const run = await db.$transaction(async (tx) => {
    const created = await tx.importRun.create({
      data: {
        organizationId: ctx.organizationId,
        kind: input.kind,
        fileName: stored.fileName,
        fileKey: stored.key,
        fileSha256,
        fileSize: input.bytes.length,
        format: read.format!,
        encoding: read.encoding ?? null,
        delimiter: read.delimiter ?? null,
        header: read.table!.header,
        rowTotal: read.table!.rows.length,
        columnMapping,
        requestedById: ctx.userId,
        requestedByEmail: ctx.userEmail,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, ctx, {
      action: "import.uploaded",
      targetType: "import_run",
      targetId: created.id,
      after: { kind: input.kind, fileName: stored.fileName, sha256: fileSha256, size: input.bytes.length, rows: read.table!.rows.length },
    });
    return created;
  });
  return { ok: true, runId: run.id };
}

export type ImportRunView = Awaited<ReturnType<typeof getImportRun>>;

// The run with what the mapping step needs: every field of the kind and a few values per column.
export async function getImportRun(ctx: TenantContext, store: BlobStore, rawRunId: string) {
  assertCan(ctx, "sku:read");
  const run = await tenantDb(ctx.organizationId).importRun.findUnique({ where: { id: runId.parse(rawRunId.slice(0, 64)) } });
  if (!run) throw notFound("Import");
  const definition = definitionOf(run.kind);
  const header = run.header as string[];
  const samples = run.state === "uploaded" ? await sampleColumns(store, run, header.length) : header.map(() => []);
  return {
    ...run,
    header,
    columnMapping: (run.columnMapping ?? header.map(() => null)) as ColumnMapping,
    options: run.options ? importOptionsSchema.parse(run.options) : null,
    report: run.report as ImportRunReport | null,
    fields: definition.fields.filter((f) => !f.exportOnly).map(({ key, vi, en, required }) => ({ key, vi, en, required: Boolean(required) })),
    samples,
    takesArchive: definition.takesArchive,
    canRun: can(ctx, definition.permission),
  };
}

async function sampleColumns(store: BlobStore, run: { fileKey: string; fileName: string }, columns: number): Promise<string[][]> {
  const table = await readStoredTable(store, run);
  return Array.from({ length: columns }, (_, i) => table.rows.slice(0, SAMPLE_ROWS).map((row) => (row.cells[i] ?? "").trim()).filter(Boolean));
}

export async function listImportRuns(ctx: TenantContext, options: { kind?: ImportKindName; limit?: number; before?: string } = {}) {
  assertCan(ctx, "sku:read");
  const take = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const runs = await tenantDb(ctx.organizationId).importRun.findMany({
    where: options.kind ? { kind: options.kind } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(options.before ? { cursor: { id: options.before.slice(0, 64) }, skip: 1 } : {}),
    // Not the report: it holds every issue of the file, and a list line needs none of them.
    select: { id: true, kind: true, state: true, fileName: true, rowTotal: true, rowDone: true, requestedByEmail: true, createdAt: true, finishedAt: true },
  });
  return { runs: runs.slice(0, take), nextCursor: runs.length > take ? runs[take - 1]!.id : null };
}

// The mapping step: checks the file with the user's mapping and options, stores both and the
// preview on the run (nothing else is written), and remembers the mapping for the next file.
export async function checkImportRun(ctx: TenantContext, store: BlobStore, rawInput: z.input<typeof checkImportRunInput>): Promise<ImportRunReport> {
  const input = checkImportRunInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const run = await db.importRun.findUnique({ where: { id: input.runId } });
  if (!run) throw notFound("Import");
  const kind = definitionOf(run.kind);
  assertCan(ctx, kind.permission);
  if (run.state !== "uploaded") throw new AppError("CONFLICT", "This import has already started", { reason: "import_not_editable", state: run.state });
  const table = await readStoredTable(store, run);
  const prepared = await prepareOrRefuse(kind, store, run, table, input.columnMapping, "check");
  const plan = await kind.plan(db, ctx, table, input.columnMapping, input.options, prepared);
  const report = reportOf(kind, plan, "checked");
  const header = run.header as string[];
  await db.$transaction(async (tx) => {
    const updated = await tx.importRun.updateMany({
      where: { id: run.id, state: "uploaded" },
      data: { columnMapping: input.columnMapping, options: input.options, report: report as object },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "This import has already started", { reason: "import_not_editable" });
    const key = { organizationId_kind: { organizationId: ctx.organizationId, kind: run.kind } };
    const previous = await tx.importColumnPreset.findUnique({ where: key, select: { mapping: true } });
    const mapping = savedMappingOf(header, input.columnMapping, (previous?.mapping ?? {}) as SavedColumnMapping);
    await tx.importColumnPreset.upsert({ where: key, create: { organizationId: ctx.organizationId, kind: run.kind, mapping }, update: { mapping } });
  });
  return report;
}

// Queues the checked run (the web layer enqueues the job after this commits).
export async function startImportRun(ctx: TenantContext, rawRunId: string) {
  const id = runId.parse(rawRunId);
  const db = tenantDb(ctx.organizationId);
  const run = await db.importRun.findUnique({ where: { id }, select: { id: true, kind: true, state: true, report: true, options: true } });
  if (!run) throw notFound("Import");
  assertCan(ctx, definitionOf(run.kind).permission);
  const report = run.report as ImportRunReport | null;
  if (run.state !== "uploaded" || !report) throw new AppError("CONFLICT", "Check the file before importing", { reason: run.state === "uploaded" ? "import_not_checked" : "import_not_editable", state: run.state });
  if (report.fileIssues.length > 0 || report.writeCount === 0) throw new AppError("VALIDATION", "Nothing in this file can be imported", { reason: "import_nothing_to_write" });
  return db.$transaction(async (tx) => {
    const queued = await tx.importRun.updateMany({ where: { id, state: "uploaded" }, data: { state: "queued", queuedAt: new Date() } });
    if (queued.count === 0) throw new AppError("CONFLICT", "This import has already started", { reason: "import_not_editable" });
    await appendAuditEvent(tx, ctx, { action: "import.started", targetType: "import_run", targetId: id, after: { options: run.options } });
    return { runId: id };
  });
}

export async function cancelImportRun(ctx: TenantContext, rawRunId: string) {
  const id = runId.parse(rawRunId);
  const db = tenantDb(ctx.organizationId);
  const run = await db.importRun.findUnique({ where: { id }, select: { kind: true } });
  if (!run) throw notFound("Import");
  assertCan(ctx, definitionOf(run.kind).permission);
  return db.$transaction(async (tx) => {
    const cancelled = await tx.importRun.updateMany({ where: { id, state: { in: ["uploaded", "queued"] } }, data: { state: "cancelled", finishedAt: new Date() } });
    if (cancelled.count === 0) throw new AppError("CONFLICT", "This import is already running or finished", { reason: "import_not_cancellable" });
    await appendAuditEvent(tx, ctx, { action: "import.cancelled", targetType: "import_run", targetId: id });
    return { runId: id };
  });
}

// The queue could not take the job: the run must not stay "queued" forever.
export async function markImportRunFailed(organizationId: string, id: string, error: string) {
  await tenantDb(organizationId).importRun.updateMany({ where: { id, state: { in: ["queued", "running"] } }, data: { state: "failed", error: error.slice(0, 1000), finishedAt: new Date() } });
}

export interface ExecuteImportOptions {
  onProgress?: (done: number, total: number) => Promise<void>;
  /** The job's last attempt: a failure then fails the run; before it, the retry takes the run again. */
  finalAttempt?: boolean;
}

// Worker side. Everything is written in one transaction that also marks the run done, so a job
// killed at any point and retried writes the file exactly once. The requester's membership is
// checked again: someone removed since the upload imports nothing.
export async function executeImportRun(payload: { organizationId: string; runId: string }, store: BlobStore, options: ExecuteImportOptions = {}) {
  const db = tenantDb(payload.organizationId);
  const claimed = await db.importRun.updateMany({ where: { id: payload.runId, state: { in: ["queued", "running"] } }, data: { state: "running", startedAt: new Date(), rowDone: 0 } });
  if (claimed.count === 0) return { skipped: true as const };
  const run = await db.importRun.findUniqueOrThrow({ where: { id: payload.runId } });
  try {
    const ctx = await requesterContext(db, payload.organizationId, run.requestedById, run.requestedByEmail);
    const kind = definitionOf(run.kind);
    assertCan(ctx, kind.permission);
    const importOptions = importOptionsSchema.parse(run.options ?? {});
    const mapping = columnMappingSchema.parse(run.columnMapping ?? []);
    const table = await readStoredTable(store, run);
    // Files are stored before the transaction (content-addressed, so a retry stores nothing twice).
    const prepared = await prepareOrRefuse(kind, store, run, table, mapping, "execute");
    const report = await db.$transaction(async (tx) => {
      const plan = await kind.plan(tx, ctx, table, mapping, importOptions, prepared);
      const total = kind.writeCount(plan);
      const refused = plan.fileIssues.length > 0 || total === 0 || (importOptions.mode === "all_or_nothing" && plan.issues.some(isError));
      let result: ImportRunReport;
      if (refused) result = reportOf(kind, plan, "refused");
      else {
        await db.importRun.update({ where: { id: run.id }, data: { rowTotal: total } });
        const counts = await kind.write(tx, ctx, plan, {
          runId: run.id,
          options: importOptions,
          onProgress: async (done) => {
            await db.importRun.update({ where: { id: run.id }, data: { rowDone: Math.min(done, total) } });
            await options.onProgress?.(done, total);
          },
        });
        result = { ...reportOf(kind, plan, "imported"), counts };
      }
      await finish(tx, ctx, run, result);
      return result;
    }, TRANSACTION_OPTIONS).catch(importConflict);
    return { skipped: false as const, report };
  } catch (error) {
    logger.error({ err: error, organizationId: payload.organizationId, runId: payload.runId }, "import failed");
    const final = options.finalAttempt ?? true;
    const permanent = error instanceof AppError && error.code !== "CONFLICT";
    if (final || permanent) await markImportRunFailed(payload.organizationId, payload.runId, error instanceof AppError ? (error.details?.reason as string | undefined) ?? error.message : error instanceof Error ? error.message : String(error));
    throw error;
  }
}

async function finish(tx: TenantTx, ctx: TenantContext, run: { id: string; kind: string; fileName: string; fileSha256: string; fileSize: number }, report: ImportRunReport) {
  await tx.importRun.update({ where: { id: run.id }, data: { state: "done", report: report as object, finishedAt: new Date(), ...(report.outcome === "imported" ? { rowDone: report.writeCount } : {}) } });
  await appendAuditEvent(tx, ctx, {
    action: report.outcome === "imported" ? "import.completed" : "import.refused",
    targetType: "import_run",
    targetId: run.id,
    after: {
      kind: run.kind,
      fileName: run.fileName,
      sha256: run.fileSha256,
      size: run.fileSize,
      rows: report.rowCount,
      written: report.outcome === "imported" ? report.writeCount : 0,
      rejected: report.rejectedCount,
      skipped: report.skippedCount,
      ...(report.counts ?? {}),
    },
  });
}

async function requesterContext(db: TenantDb, organizationId: string, userId: string | null, userEmail: string): Promise<TenantContext> {
  const membership = userId ? await db.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { role: true } }) : null;
  const organization = await platformDb().organization.findUnique({ where: { id: organizationId }, select: { slug: true } });
  if (!membership || !userId || !organization) throw new AppError("FORBIDDEN", "The person who started this import is no longer a member", { reason: "requester_not_member" });
  return { organizationId, organizationSlug: organization.slug, userId, userEmail, role: membership.role };
}

async function prepareOrRefuse(kind: ImportKindDefinition, store: BlobStore, run: { archiveKey: string | null }, table: ImportTable, mapping: ColumnMapping, phase: "check" | "execute") {
  if (!kind.prepare) return null;
  return kind.prepare(store, run, table, mapping, phase).catch(refuseUnreadableArchive);
}

// yauzl's errors (a damaged archive, more entries than we read) become the user's VALIDATION;
// our own errors and the store's pass unchanged.
function refuseUnreadableArchive(error: unknown): never {
  if (error instanceof AppError || isStorageError(error)) throw error;
  const reason = (error as { code?: string }).code === "archive_too_many_entries" ? "archive_too_many_entries" : "archive_invalid";
  throw new AppError("VALIDATION", "The ZIP archive cannot be read", { reason });
}

export const attachImportArchiveInput = z.object({ runId, fileName: z.string().trim().max(255).default("") });

// The optional ZIP of an evidence register's files, streamed into the store (a route handler sends
// it: server actions buffer bodies). Checked as a readable ZIP at once; the run must be checked again.
export async function attachImportArchive(ctx: TenantContext, store: BlobStore, rawInput: z.input<typeof attachImportArchiveInput> & { stream: Readable | AsyncIterable<Uint8Array> }) {
  const input = attachImportArchiveInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const run = await db.importRun.findUnique({ where: { id: input.runId }, select: { id: true, kind: true, state: true } });
  if (!run) throw notFound("Import");
  const kind = definitionOf(run.kind);
  assertCan(ctx, kind.permission);
  if (!kind.takesArchive) throw new AppError("VALIDATION", "This kind of import takes no archive", { reason: "archive_not_accepted" });
  if (run.state !== "uploaded") throw new AppError("CONFLICT", "This import has already started", { reason: "import_not_editable" });
  const stored = await store.put({ stream: rawInput.stream, fileName: input.fileName || "files.zip", maxBytes: MAX_ARCHIVE_BYTES }).catch((error: unknown) => {
    if (isStorageError(error)) throw new AppError("VALIDATION", error.message, { reason: error.code === "FILE_TOO_LARGE" ? "archive_too_large" : error.code === "EMPTY_FILE" ? "empty_file" : "archive_not_zip" });
    throw error;
  });
  if (stored.mediaType !== "application/zip") throw new AppError("VALIDATION", "The archive is not a ZIP file", { reason: "archive_not_zip" });
  const entries = await withArchiveFile(store, stored.key, (file) => listArchiveEntries(file, MAX_EVIDENCE_FILE_BYTES)).catch(refuseUnreadableArchive);
  return db.$transaction(async (tx) => {
    const updated = await tx.importRun.updateMany({
      where: { id: run.id, state: "uploaded" },
      data: { archiveKey: stored.key, archiveName: stored.fileName, archiveSha256: stored.sha256, archiveSize: stored.size, report: Prisma.DbNull },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "This import has already started", { reason: "import_not_editable" });
    await appendAuditEvent(tx, ctx, { action: "import.archive_attached", targetType: "import_run", targetId: run.id, after: { fileName: stored.fileName, sha256: stored.sha256, size: stored.size, entries: entries.length } });
    return { runId: run.id, entries: entries.length, refused: entries.filter((e) => e.refused).length };
  });
}

async function readStoredTable(store: BlobStore, run: { fileKey: string; fileName: string }): Promise<ImportTable> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(run.fileKey)) chunks.push(chunk as Buffer);
  const read = await readImportTable(run.fileName, Buffer.concat(chunks));
  if (!read.table) throw new AppError("VALIDATION", "The stored file can no longer be read", { reason: "import_file_unreadable" });
  return read.table;
}

function reportOf(kind: ImportKindDefinition, plan: KindPlan, outcome: ImportRunReport["outcome"]): ImportRunReport {
  const issues = sortIssues(plan.issues);
  const rejected = new Set(issues.filter(isError).map((i) => i.line));
  return {
    outcome,
    rowCount: plan.rowCount,
    writeCount: plan.fileIssues.length ? 0 : kind.writeCount(plan),
    rejectedCount: plan.fileIssues.length ? plan.rowCount : rejected.size,
    skippedCount: plan.skipped.length,
    warningCount: issues.filter((i) => !isError(i)).length + plan.ignored.length,
    fileIssues: plan.fileIssues,
    issues,
    ignoredColumns: plan.ignored,
    preview: plan.fileIssues.length ? [] : kind.preview(plan),
  };
}

function previewValues(candidate: SkuImportPlan["create"][number]): [string, string][] {
  const { input } = candidate;
  const values: Record<string, string> = {
    modelCode: input.modelCode,
    hardwareRevision: input.hardwareRevision,
    brand: input.brand,
    manufacturer: input.manufacturer,
    countryOfOrigin: input.countryOfOrigin,
    hsCode: input.hsCode ?? "",
    firmwareVersion: candidate.firmware?.version ?? "",
    firmwareReleaseDate: candidate.firmware?.releaseDate ?? "",
  };
  return Object.entries(values).filter(([key]) => candidate.mapped.has(key as never));
}

const SKIPPED_CODES = new Set(["existing_skipped", "existing_evidence_skipped"]);

// The rows the run did not write, as the file had them, with their reasons: to fix and re-upload.
export async function getRejectedImportRows(ctx: TenantContext, store: BlobStore, rawRunId: string) {
  assertCan(ctx, "sku:read");
  const run = await tenantDb(ctx.organizationId).importRun.findUnique({ where: { id: runId.parse(rawRunId.slice(0, 64)) } });
  if (!run) throw notFound("Import");
  const report = run.report as ImportRunReport | null;
  if (!report) throw new AppError("CONFLICT", "This import has not been checked yet", { reason: "import_not_checked" });
  const table = await readStoredTable(store, run);
  const byLine = new Map<number, ImportIssue[]>();
  for (const issue of report.issues) byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue]);
  const everyRow = report.fileIssues.length > 0;
  const rows = table.rows
    .filter((row) => everyRow || (byLine.get(row.line) ?? []).some((i) => isError(i) || SKIPPED_CODES.has(i.code)))
    .map((row) => ({ line: row.line, cells: row.cells, issues: everyRow ? report.fileIssues : byLine.get(row.line)! }));
  return { fileName: run.fileName, header: table.header, rows };
}

