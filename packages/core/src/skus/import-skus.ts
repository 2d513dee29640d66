// The SKU kind of the import wizard: a mapped table -> a plan (what would be created, updated,
// skipped, rejected) -> the writes, set-based where the database allows it. The plan is made again
// inside the write transaction: a preview proves nothing about the database now.
import type { TenantTx } from "@hopquy/db";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { dateOfIsoDay } from "../assessments/today";
import { appendAuditEvents } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import type { ColumnMapping } from "../imports/column-mapping";
import { fileIssue, type ImportIssue, type ImportMode, type OnExisting } from "../imports/import-report";
import type { ImportTable } from "../imports/read-import-table";
import { refreshSkuRiskClasses } from "../risk-lists/refresh-sku-risk-classes";
import type { RiskListRules } from "@hopquy/compliance";
import { duplicateKey, validateSkuRows, type SkuCandidate } from "./import-validate-rows";
import { manualClassColumns, manualClassOf, marketColumns } from "./sku-class-and-market";
import { SKU_SHEET_COLUMNS, type SkuSheetColumnKey } from "./sku-sheet-layout";
import { CAPABILITY_KEYS } from "@hopquy/compliance";

export const SKU_IMPORT_FIELDS = SKU_SHEET_COLUMNS;

export interface SkuImportOptions {
  mode: ImportMode;
  onExisting: OnExisting;
  mergeIdenticalDuplicates: boolean;
  canArchive: boolean;
}

export interface SkuImportPlan {
  rowCount: number;
  fileIssues: ImportIssue[];
  /** Row errors and warnings, in file order. */
  issues: ImportIssue[];
  create: SkuCandidate[];
  update: { candidate: SkuCandidate; skuId: string }[];
  /** Lines that match an existing SKU and are left alone (onExisting = skip). */
  skipped: number[];
  ignored: { header: string; cell: string }[];
}

const INSERT_BATCH = 1_000;

export async function planSkuImport(db: Pick<TenantTx, "sku">, table: ImportTable, mapping: ColumnMapping, options: SkuImportOptions): Promise<SkuImportPlan> {
  const validation = validateSkuRows(table, mapping, { canArchive: options.canArchive, mergeIdenticalDuplicates: options.mergeIdenticalDuplicates });
  const fileIssues = validation.fileIssues.length || validation.rowCount > 0 ? validation.fileIssues : [fileIssue("no_rows", undefined, table.headerLine + 1)];
  const base = { rowCount: validation.rowCount, fileIssues, ignored: validation.ignored };
  if (fileIssues.length) return { ...base, issues: [], create: [], update: [], skipped: [] };

  const issues = [...validation.rowIssues];
  const create: SkuCandidate[] = [];
  const update: SkuImportPlan["update"] = [];
  const skipped: number[] = [];
  // One query for the whole file: SKUs that already exist (archived ones too, the unique key covers them).
  const codes = [...new Set(validation.candidates.map((c) => c.input.modelCode))];
  const existing = codes.length
    ? await db.sku.findMany({ where: { modelCode: { in: codes } }, select: { id: true, modelCode: true, hardwareRevision: true, archivedAt: true } })
    : [];
  const existingByKey = new Map(existing.map((sku) => [duplicateKey(sku.modelCode, sku.hardwareRevision), sku]));
  for (const candidate of validation.candidates) {
    const match = existingByKey.get(duplicateKey(candidate.input.modelCode, candidate.input.hardwareRevision));
    if (!match) create.push(candidate);
    else if (options.onExisting === "skip") {
      skipped.push(candidate.line);
      issues.push({ ...validation.issueAt(candidate.line, "modelCode", "existing_skipped", { modelCode: candidate.input.modelCode }), severity: "warning" });
    } else if (match.archivedAt) issues.push(validation.issueAt(candidate.line, "modelCode", "existing_archived", { modelCode: candidate.input.modelCode }));
    else update.push({ candidate, skuId: match.id });
  }
  return { ...base, issues, create, update, skipped };
}

export interface SkuImportCounts {
  created: number;
  updated: number;
  skipped: number;
  familiesCreated: number;
  firmwareAdded: number;
}

export const writtenRowCount = (plan: SkuImportPlan) => plan.create.length + plan.update.length;

// Writes the plan in the caller's transaction. `onProgress` gets rows written so far (it reports
// outside the transaction, so the page sees progress while the transaction is still open).
export async function writeSkuImport(
  tx: TenantTx,
  ctx: TenantContext,
  plan: SkuImportPlan,
  context: { list: RiskListRules | null; runId: string; onProgress: (done: number) => Promise<void> },
): Promise<SkuImportCounts> {
  const now = new Date();
  const families = await resolveFamilies(tx, ctx.organizationId, [...plan.create, ...plan.update.map((u) => u.candidate)]);
  const createdIds: string[] = [];
  let done = 0;
  for (let start = 0; start < plan.create.length; start += INSERT_BATCH) {
    const batch = plan.create.slice(start, start + INSERT_BATCH);
    const created = await tx.sku.createManyAndReturn({
      data: batch.map(({ input, market, familyName, archived }) => {
        const { riskClass, riskClassReason, productCategory, marketStatus: _status, onMarketSince: _since, plannedLaunchOn: _launch, withdrawnOn: _withdrawn, ...fields } = input;
        return {
          organizationId: ctx.organizationId,
          ...fields,
          productCategory: productCategory ?? null,
          ...marketColumns(market),
          ...manualClassColumns(manualClassOf(riskClass), riskClassReason, "import", ctx, now),
          familyId: familyName ? families.idOf(familyName) : null,
          archivedAt: archived ? now : null,
        };
      }),
      select: { id: true, modelCode: true, hardwareRevision: true },
    });
    createdIds.push(...created.map((sku) => sku.id));
    done += batch.length;
    await context.onProgress(done);
  }

  // Existing SKUs change only in the fields the file's columns fill.
  const current = plan.update.length
    ? new Map((await tx.sku.findMany({ where: { id: { in: plan.update.map((u) => u.skuId) } }, select: { id: true, capabilities: true } })).map((s) => [s.id, s]))
    : new Map<string, { capabilities: unknown }>();
  for (const { candidate, skuId } of plan.update) {
    await tx.sku.update({ where: { id: skuId }, data: updateData(candidate, families.idOf, current.get(skuId)?.capabilities, ctx, now) });
    done += 1;
    if (done % 250 === 0) await context.onProgress(done);
  }
  if (plan.update.length) await context.onProgress(done);

  // Firmware of the file: a version the SKU already has is kept as it is.
  const skuIdOf = new Map<SkuCandidate, string>([...plan.create.map((c, i) => [c, createdIds[i]!] as const), ...plan.update.map((u) => [u.candidate, u.skuId] as const)]);
  const firmwareRows = [...skuIdOf.entries()]
    .filter(([candidate]) => candidate.firmware)
    .map(([candidate, skuId]) => ({
      organizationId: ctx.organizationId,
      skuId,
      version: candidate.firmware!.version,
      releaseDate: dateOfIsoDay(candidate.firmware!.releaseDate),
    }));
  let firmwareAdded = 0;
  for (let start = 0; start < firmwareRows.length; start += INSERT_BATCH) {
    firmwareAdded += (await tx.firmwareVersion.createMany({ data: firmwareRows.slice(start, start + INSERT_BATCH), skipDuplicates: true })).count;
  }

  const touched = [...skuIdOf.values()];
  await refreshSkuRiskClasses(tx, ctx.organizationId, context.list, touched);
  await appendAuditEvents(
    tx,
    ctx,
    plan.update.map(({ candidate, skuId }) => ({
      action: "sku.updated_by_import",
      targetType: "sku",
      targetId: skuId,
      after: { runId: context.runId, line: candidate.line, fields: [...candidate.mapped].filter((f) => f !== "modelCode" && f !== "hardwareRevision").sort() },
    })),
  );
  await refreshDerivedAssessments(tx, ctx.organizationId, touched);
  return { created: createdIds.length, updated: plan.update.length, skipped: plan.skipped.length, familiesCreated: families.created, firmwareAdded };
}

const SIMPLE_FIELDS = ["brand", "manufacturer", "importer", "countryOfOrigin", "hsCode", "description", "productCategory"] as const;
const MARKET_FIELDS: readonly SkuSheetColumnKey[] = ["marketStatus", "onMarketSince", "plannedLaunchOn", "withdrawnOn"];

function updateData(candidate: SkuCandidate, familyIdOf: (name: string) => string | null, capabilities: unknown, ctx: TenantContext, now: Date) {
  const { input, mapped } = candidate;
  const data: Record<string, unknown> = {};
  for (const field of SIMPLE_FIELDS) if (mapped.has(field)) data[field] = input[field] ?? null;
  if (mapped.has("family")) data.familyId = candidate.familyName ? familyIdOf(candidate.familyName) : null;
  // The market facts are checked together, so any market column replaces all of them.
  if (MARKET_FIELDS.some((f) => mapped.has(f))) Object.assign(data, marketColumns(candidate.market));
  if (mapped.has("riskClass")) Object.assign(data, manualClassColumns(manualClassOf(input.riskClass), input.riskClassReason, "import", ctx, now));
  const answered = CAPABILITY_KEYS.filter((key) => mapped.has(key));
  if (answered.length) {
    const profile = { ...((capabilities ?? {}) as Record<string, unknown>) };
    for (const key of answered) profile[key] = input.capabilities[key];
    data.capabilities = profile;
  }
  return data;
}

// Families are named in the file; a missing one is created in the same transaction. Names match
// the organization's families exactly first, then ignoring case, so "camera ngoài trời" finds
// "Camera ngoài trời" rather than creating a near-duplicate.
async function resolveFamilies(tx: TenantTx, organizationId: string, candidates: SkuCandidate[]) {
  const fold = (name: string) => name.normalize("NFC").toLocaleLowerCase("vi");
  const wanted = new Map<string, string>();
  for (const c of candidates) if (c.familyName && !wanted.has(fold(c.familyName))) wanted.set(fold(c.familyName), c.familyName);
  if (wanted.size === 0) return { created: 0, idOf: () => null };

  const known = async () => {
    const rows = await tx.productFamily.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
    const exact = new Map(rows.map((f) => [f.name, f.id]));
    const folded = new Map<string, string>();
    for (const f of rows) if (!folded.has(fold(f.name))) folded.set(fold(f.name), f.id);
    return (name: string) => exact.get(name) ?? folded.get(fold(name));
  };
  let find = await known();
  const missing = [...wanted.values()].filter((name) => !find(name));
  // skipDuplicates: a family created concurrently under the same name is simply used.
  const created = missing.length
    ? (await tx.productFamily.createMany({ data: missing.map((name) => ({ organizationId, name })), skipDuplicates: true })).count
    : 0;
  if (missing.length) find = await known();
  return { created, idOf: (name: string) => find(name) ?? null };
}
