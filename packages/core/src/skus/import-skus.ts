import { tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan, can } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { refreshSkuRiskClasses } from "../risk-lists/refresh-sku-risk-classes";
import { readSkuSheet } from "./import-read-sheet";
import { rulesOfListInForce } from "../risk-lists/risk-list-in-force";
import { manualClassColumns, manualClassOf, marketColumns } from "./sku-class-and-market";
import { fileIssue, IMPORT_MODES, MAX_REPORTED_ISSUES, type ImportMode, type ImportOutcome, type SkuImportIssue, type SkuImportReport } from "./import-report";
import { duplicateKey, validateSkuRows, type RowValidation, type SkuCandidate } from "./import-validate-rows";

export const importSkusInput = z.object({
  fileName: z.string().max(255).default(""),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "file_required"),
  mode: z.enum(IMPORT_MODES),
});

const INSERT_BATCH = 1_000;
// A file of 5,000 SKUs also derives their assessments in the same transaction.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

// A SKU of the file was created by someone else between this import's check and its insert.
const importConflict = conflictOnUniqueViolation("import_conflict", "A SKU in the file was created meanwhile; nothing was imported");

// Every row is validated first; "validate" only reports, "all_or_nothing" writes only a file
// without a single bad row, "valid_rows_only" writes the good rows and reports the others.
// Whatever the mode, the check is repeated inside the one write transaction (a preview proves
// nothing about the database now), and a file-level problem writes nothing.
export async function importSkus(ctx: TenantContext, rawInput: z.input<typeof importSkusInput>): Promise<SkuImportReport> {
  assertCan(ctx, "sku:create");
  const { fileName, bytes, mode } = importSkusInput.parse(rawInput);
  const base = { fileName, mode };
  const read = await readSkuSheet(fileName, bytes);
  if (!read.table) return report({ ...base, format: read.format, outcome: outcomeOfRefusal(mode), fileIssues: read.issues });
  const validation = validateSkuRows(read.table, { canArchive: can(ctx, "sku:archive") });
  const fileIssues = validation.fileIssues.length
    ? validation.fileIssues
    : validation.rowCount === 0
      ? [fileIssue("no_rows", undefined, read.table.headerLine + 1)]
      : [];
  const facts = { ...base, format: read.format, rowCount: validation.rowCount };
  if (fileIssues.length) return report({ ...facts, outcome: outcomeOfRefusal(mode), fileIssues });

  const db = tenantDb(ctx.organizationId);
  const list = mode === "validate" ? null : await rulesOfListInForce();
  if (mode === "validate") {
    const checked = await withoutExisting(db, validation);
    return report({ ...facts, outcome: "validated", rowIssues: [...validation.rowIssues, ...checked.issues], validRowCount: checked.valid.length });
  }

  return db
    .$transaction(async (tx) => {
      const checked = await withoutExisting(tx, validation);
      const rowIssues = [...validation.rowIssues, ...checked.issues];
      const result = { ...facts, rowIssues, validRowCount: checked.valid.length };
      if ((mode === "all_or_nothing" && rowIssues.length > 0) || checked.valid.length === 0) return report({ ...result, outcome: "refused" });

      const families = await resolveFamilies(tx, ctx.organizationId, checked.valid);
      const now = new Date();
      const skuIds: string[] = [];
      for (let start = 0; start < checked.valid.length; start += INSERT_BATCH) {
        const created = await tx.sku.createManyAndReturn({
          data: checked.valid.slice(start, start + INSERT_BATCH).map(({ input, market, familyName, archived }) => {
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
          select: { id: true },
        });
        skuIds.push(...created.map((sku) => sku.id));
      }
      // One read and at most one set-based update for the whole file.
      await refreshSkuRiskClasses(tx, ctx.organizationId, list, skuIds);
      const imported = { skus: skuIds.length, families: families.created };
      await appendAuditEvent(tx, ctx, {
        action: "sku.imported",
        targetType: "sku",
        after: { fileName, format: read.format, mode, rows: validation.rowCount, imported: imported.skus, skippedRows: validation.rowCount - imported.skus, familiesCreated: imported.families },
      });
      await refreshDerivedAssessments(tx, ctx.organizationId, skuIds);
      return report({ ...result, outcome: "imported", imported });
    }, TRANSACTION_OPTIONS)
    .catch(importConflict);
}

const outcomeOfRefusal = (mode: ImportMode): ImportOutcome => (mode === "validate" ? "validated" : "refused");

// One set-based query for the whole file: SKUs that already exist (archived ones too, since the
// unique key covers them) make their rows bad.
async function withoutExisting(db: Pick<TenantTx, "sku">, { candidates, issueAt }: RowValidation) {
  if (candidates.length === 0) return { valid: [], issues: [] };
  const codes = [...new Set(candidates.map((c) => c.input.modelCode))];
  const existing = await db.sku.findMany({ where: { modelCode: { in: codes } }, select: { modelCode: true, hardwareRevision: true, archivedAt: true } });
  const archivedByKey = new Map(existing.map((sku) => [duplicateKey(sku.modelCode, sku.hardwareRevision), sku.archivedAt !== null]));
  const valid: SkuCandidate[] = [];
  const issues: SkuImportIssue[] = [];
  for (const candidate of candidates) {
    const archived = archivedByKey.get(duplicateKey(candidate.input.modelCode, candidate.input.hardwareRevision));
    if (archived === undefined) valid.push(candidate);
    else issues.push(issueAt(candidate.line, "modelCode", archived ? "duplicate_existing_archived" : "duplicate_existing", { modelCode: candidate.input.modelCode }));
  }
  return { valid, issues };
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

function report(input: {
  fileName: string;
  format: SkuImportReport["format"];
  mode: ImportMode;
  outcome: ImportOutcome;
  rowCount?: number;
  validRowCount?: number;
  fileIssues?: SkuImportIssue[];
  rowIssues?: SkuImportIssue[];
  imported?: SkuImportReport["imported"];
}): SkuImportReport {
  const fileIssues = input.fileIssues ?? [];
  const issues = [...fileIssues, ...(input.rowIssues ?? [])].sort((a, b) => a.line - b.line || columnOrder(a) - columnOrder(b));
  const rowCount = input.rowCount ?? 0;
  const validRowCount = fileIssues.length ? 0 : (input.validRowCount ?? 0);
  return {
    fileName: input.fileName,
    format: input.format,
    mode: input.mode,
    outcome: input.outcome,
    fileInvalid: fileIssues.length > 0,
    rowCount,
    validRowCount,
    invalidRowCount: fileIssues.length ? rowCount : rowCount - validRowCount,
    issueCount: issues.length,
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    imported: input.imported ?? { skus: 0, families: 0 },
  };
}

// Issues of one line in the order of the file's columns (A, B, ..., AA).
function columnOrder(issue: SkuImportIssue): number {
  const letters = /^[A-Z]+/.exec(issue.cell ?? "")?.[0];
  if (!letters) return 0;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}
