// The evidence-register kind of the import wizard: grouped register rows -> resolved against the
// organization's SKUs and the published catalogs -> one evidence item per document with all its
// clause and SKU links. Set-based: a fixed number of queries whatever the register's size, and the
// derived assessments of every touched SKU refresh once per import.
import { randomUUID } from "node:crypto";
import { platformDb, type TenantTx } from "@hopquy/db";
import type { BlobStore, StoredBlob } from "@hopquy/storage";
import { archiveKeyOf, listArchiveEntries, storeArchiveEntries, withArchiveFile, type ArchiveEntry, type StoredEntry } from "../imports/import-archive";
import { MAX_EVIDENCE_FILE_BYTES } from "./evidence-files";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { dateOfIsoDay } from "../assessments/today";
import { appendAuditEvents } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import type { ColumnMapping } from "../imports/column-mapping";
import { fileIssue, type ImportIssue, type OnExisting } from "../imports/import-report";
import type { ImportTable } from "../imports/read-import-table";
import { foldText } from "../imports/sheet-text";
import { registerKey, validateEvidenceRegisterRows, type FrameworkRef, type RegisterEvidence, type RegisterLink } from "./evidence-register-rows";

export const EVIDENCE_IMPORT_STATES = ["draft", "submitted"] as const;
export type EvidenceImportState = (typeof EVIDENCE_IMPORT_STATES)[number];

export interface EvidenceRegisterOptions {
  onExisting: OnExisting;
  evidenceState: EvidenceImportState;
}

// The ZIP that came with the register: what it holds (check) and, when the import runs, the files
// of the register stored in the blob store. null: no archive was uploaded.
export interface RegisterAttachments {
  entries: ReadonlyMap<string, ArchiveEntry>;
  stored?: ReadonlyMap<string, StoredEntry>;
}

// The archive keys of the files a register names: what the worker stores before it writes.
export function wantedArchiveKeys(table: ImportTable, mapping: ColumnMapping): Set<string> {
  const { items } = validateEvidenceRegisterRows(table, mapping);
  return new Set(items.filter((i) => i.fileName).map((i) => archiveKeyOf(i.fileName!)));
}

export async function prepareRegisterAttachments(
  store: BlobStore,
  run: { archiveKey: string | null },
  table: ImportTable,
  mapping: ColumnMapping,
  phase: "check" | "execute",
): Promise<RegisterAttachments | null> {
  if (!run.archiveKey) return null;
  return withArchiveFile(store, run.archiveKey, async (file) => {
    const entries = new Map((await listArchiveEntries(file, MAX_EVIDENCE_FILE_BYTES)).map((e) => [e.key, e] as const));
    if (phase === "check") return { entries };
    return { entries, stored: await storeArchiveEntries(file, wantedArchiveKeys(table, mapping), store, MAX_EVIDENCE_FILE_BYTES) };
  });
}

export interface ResolvedEvidence {
  item: RegisterEvidence;
  /** Set when the document is already in the organization (onExisting = update adds its links). */
  existingId?: string;
  clauseLinks: { clauseId: string; note?: string }[];
  skuIds: string[];
  /** The register lines whose SKU and clause resolved: what is written. */
  lines: number[];
  /** The document's file, stored from the archive (execute only). */
  file?: StoredBlob;
}

export interface EvidenceRegisterPlan {
  rowCount: number;
  fileIssues: ImportIssue[];
  issues: ImportIssue[];
  create: ResolvedEvidence[];
  update: ResolvedEvidence[];
  /** Lines of documents that already exist and are left alone. */
  skipped: number[];
  ignored: { header: string; cell: string }[];
}

type CatalogRef = { id: string; regulation: string; version: string; revision: number };

export async function planEvidenceRegisterImport(
  db: Pick<TenantTx, "sku" | "evidence">,
  table: ImportTable,
  mapping: ColumnMapping,
  options: EvidenceRegisterOptions,
  attachments: RegisterAttachments | null = null,
): Promise<EvidenceRegisterPlan> {
  const validation = validateEvidenceRegisterRows(table, mapping);
  const fileIssues = validation.fileIssues.length || validation.rowCount > 0 ? validation.fileIssues : [fileIssue("no_rows", undefined, table.headerLine + 1)];
  const base = { rowCount: validation.rowCount, fileIssues, ignored: validation.ignored };
  if (fileIssues.length) return { ...base, issues: [], create: [], update: [], skipped: [] };
  const issues = [...validation.rowIssues];
  const links = validation.items.flatMap((item) => item.links);

  // Three queries for the whole register: the SKUs it names, the catalogs, the clauses it names.
  const skus = await db.sku.findMany({ where: { modelCode: { in: [...new Set(links.map((l) => l.modelCode))] } }, select: { id: true, modelCode: true, hardwareRevision: true } });
  const skuOf = new Map(skus.map((s) => [`${foldText(s.modelCode)}\u0000${foldText(s.hardwareRevision)}`, s.id]));
  const catalogs = await newestCatalogs();
  const catalogOf = (framework: FrameworkRef) => resolveCatalog(catalogs, framework);
  const wantedCatalogIds = [...new Set(links.map((l) => catalogOf(l.framework)).filter((c): c is CatalogRef => "id" in c).map((c) => c.id))];
  const clauses = wantedCatalogIds.length
    ? await platformDb().clause.findMany({ where: { catalogVersionId: { in: wantedCatalogIds }, code: { in: [...new Set(links.map((l) => l.clauseCode))] } }, select: { id: true, code: true, catalogVersionId: true } })
    : [];
  const clauseOf = new Map(clauses.map((c) => [`${c.catalogVersionId}\u0000${c.code}`, c.id]));

  const resolved: ResolvedEvidence[] = [];
  for (const item of validation.items) {
    const clauseLinks = new Map<string, { clauseId: string; note?: string }>();
    const skuIds = new Set<string>();
    const lines: number[] = [];
    for (const link of item.links) {
      const problem = resolveLink(link, catalogOf(link.framework), clauseOf, skuOf);
      if ("code" in problem) {
        issues.push(validation.issueAt(link.line, problem.column, problem.code, problem.params));
        continue;
      }
      if (!clauseLinks.has(problem.clauseId)) clauseLinks.set(problem.clauseId, { clauseId: problem.clauseId, ...(link.note ? { note: link.note } : {}) });
      skuIds.add(problem.skuId);
      lines.push(link.line);
    }
    if (!clauseLinks.size) continue;
    // The document's file: missing from the archive or refused means the document is not imported
    // (the user named a file); without an archive it is imported without its file, and says so.
    let file: StoredBlob | undefined;
    if (item.fileName) {
      const key = archiveKeyOf(item.fileName);
      const entry = attachments?.entries.get(key);
      const stored = attachments?.stored?.get(key);
      const refusal = !attachments ? null : !entry ? "file_not_in_archive" : entry.refused ? entry.refused : stored && !stored.ok ? stored.reason : null;
      if (!attachments) issues.push({ ...validation.issueAt(item.line, "fileName", "file_not_uploaded", { fileName: item.fileName }), severity: "warning" });
      else if (refusal) {
        // One code per reason, so the message can say what to fix.
        const code = refusal === "file_not_in_archive" ? refusal : `file_refused_${refusal}`;
        for (const line of lines) issues.push(validation.issueAt(line, "fileName", code, { fileName: item.fileName, reason: refusal }));
        continue;
      } else if (stored?.ok) file = stored.blob;
    }
    resolved.push({ item, clauseLinks: [...clauseLinks.values()], skuIds: [...skuIds], lines, ...(file ? { file } : {}) });
  }

  // Documents the organization already holds: same title, issuer and report number.
  const existing = resolved.length
    ? await db.evidence.findMany({ where: { title: { in: [...new Set(resolved.map((r) => r.item.title))], mode: "insensitive" } }, select: { id: true, title: true, issuer: true, reportNumber: true } })
    : [];
  const existingByKey = new Map(existing.map((e) => [registerKey(e.title, e.issuer ?? "", e.reportNumber ?? ""), e.id]));
  const create: ResolvedEvidence[] = [];
  const update: ResolvedEvidence[] = [];
  const skipped: number[] = [];
  for (const entry of resolved) {
    const existingId = existingByKey.get(entry.item.key);
    if (!existingId) create.push(entry);
    else if (options.onExisting === "update") {
      // Files become the first revision of new evidence only: an existing item keeps its files
      // (a new revision goes through the evidence page, where the reviewer sees it).
      if (entry.item.fileName && attachments) issues.push({ ...validation.issueAt(entry.item.line, "fileName", "file_not_attached_existing", { fileName: entry.item.fileName }), severity: "warning" });
      update.push({ ...entry, existingId, file: undefined });
    } else {
      for (const line of entry.lines) {
        skipped.push(line);
        issues.push({ ...validation.issueAt(line, "title", "existing_evidence_skipped", { title: entry.item.title }), severity: "warning" });
      }
    }
  }
  return { ...base, issues, create, update, skipped };
}

function resolveLink(
  link: RegisterLink,
  catalog: CatalogRef | { code: string; params?: Record<string, string> },
  clauseOf: Map<string, string>,
  skuOf: Map<string, string>,
): { clauseId: string; skuId: string } | { code: string; column: "framework" | "clauseCode" | "modelCode"; params?: Record<string, string> } {
  if (!("id" in catalog)) return { code: catalog.code, column: "framework", ...(catalog.params ? { params: catalog.params } : {}) };
  const clauseId = clauseOf.get(`${catalog.id}\u0000${link.clauseCode}`);
  if (!clauseId) return { code: "unknown_clause", column: "clauseCode", params: { code: link.clauseCode, framework: `${catalog.regulation} ${catalog.version}` } };
  const skuId = skuOf.get(`${foldText(link.modelCode)}\u0000${foldText(link.hardwareRevision)}`);
  if (!skuId) return { code: "unknown_sku", column: "modelCode", params: { modelCode: link.modelCode } };
  return { clauseId, skuId };
}

// The newest revision of every published catalog version.
async function newestCatalogs(): Promise<CatalogRef[]> {
  const versions = await platformDb().catalogVersion.findMany({ orderBy: [{ revision: "desc" }], select: { id: true, regulation: true, version: true, revision: true } });
  const newest = new Map<string, CatalogRef>();
  for (const v of versions) if (!newest.has(`${v.regulation}\u0000${v.version}`)) newest.set(`${v.regulation}\u0000${v.version}`, v);
  return [...newest.values()];
}

// A version named must exist; no version is fine when the framework has only one.
function resolveCatalog(catalogs: CatalogRef[], framework: FrameworkRef): CatalogRef | { code: string; params?: Record<string, string> } {
  const ofRegulation = catalogs.filter((c) => c.regulation === framework.regulation);
  const bare = (version: string) => version.replace(/^v/i, "");
  if (framework.version) {
    const match = ofRegulation.find((c) => bare(c.version) === bare(framework.version!));
    return match ?? { code: "unknown_framework_version", params: { version: framework.version, versions: ofRegulation.map((c) => c.version).join(", ") } };
  }
  if (ofRegulation.length === 1) return ofRegulation[0]!;
  if (ofRegulation.length === 0) return { code: "unknown_framework" };
  return { code: "framework_version_required", params: { versions: ofRegulation.map((c) => c.version).sort().join(", ") } };
}

export interface EvidenceRegisterCounts {
  evidenceCreated: number;
  evidenceUpdated: number;
  clauseLinks: number;
  files: number;
  skuLinks: number;
  skipped: number;
}

export const evidenceRowsWritten = (plan: EvidenceRegisterPlan) => [...plan.create, ...plan.update].reduce((n, e) => n + e.lines.length, 0);

export async function writeEvidenceRegisterImport(
  tx: TenantTx,
  ctx: TenantContext,
  plan: EvidenceRegisterPlan,
  context: { runId: string; evidenceState: EvidenceImportState; onProgress: (done: number) => Promise<void> },
): Promise<EvidenceRegisterCounts> {
  const now = new Date();
  // Ids made here, so links can be written in the same statements without reading rows back.
  const created = plan.create.map((entry) => ({ entry, id: randomUUID() }));
  if (created.length) {
    await tx.evidence.createMany({
      data: created.map(({ entry: { item }, id }) => ({
        id,
        organizationId: ctx.organizationId,
        kind: item.kind,
        title: item.title,
        issuer: item.issuer ?? null,
        reportNumber: item.reportNumber ?? null,
        effectiveDate: dateOfIsoDay(item.effectiveDate),
        expiryDate: dateOfIsoDay(item.expiryDate),
        reviewState: context.evidenceState,
        createdById: ctx.userId,
        createdByEmail: ctx.userEmail,
        createdAt: now,
      })),
    });
  }
  const targets = [...created.map(({ entry, id }) => ({ entry, id })), ...plan.update.map((entry) => ({ entry, id: entry.existingId! }))];
  const clauseLinks = targets.flatMap(({ entry, id }) => entry.clauseLinks.map((link) => ({ organizationId: ctx.organizationId, evidenceId: id, clauseId: link.clauseId, note: link.note ?? null, createdByEmail: ctx.userEmail })));
  const skuLinks = targets.flatMap(({ entry, id }) => entry.skuIds.map((skuId) => ({ organizationId: ctx.organizationId, evidenceId: id, skuId, firmwareVersionId: null, scopeKey: "", createdByEmail: ctx.userEmail })));
  let clauseCount = 0;
  let skuCount = 0;
  for (let start = 0; start < clauseLinks.length; start += 2_000) clauseCount += (await tx.evidenceClauseLink.createMany({ data: clauseLinks.slice(start, start + 2_000), skipDuplicates: true })).count;
  for (let start = 0; start < skuLinks.length; start += 2_000) skuCount += (await tx.evidenceSkuLink.createMany({ data: skuLinks.slice(start, start + 2_000), skipDuplicates: true })).count;
  // Progress counts register rows, like the run's total.
  await context.onProgress(targets.reduce((n, { entry }) => n + entry.lines.length, 0));

  // The document's file as its first revision (new evidence only; existing items keep their files).
  const revisions = created.filter(({ entry }) => entry.file);
  if (revisions.length) {
    await tx.evidenceRevision.createMany({
      data: revisions.map(({ entry, id }) => ({
        organizationId: ctx.organizationId,
        evidenceId: id,
        number: 1,
        sha256: entry.file!.sha256,
        sizeBytes: entry.file!.size,
        mediaType: entry.file!.mediaType,
        fileName: entry.file!.fileName,
        uploadedById: ctx.userId,
        uploadedByEmail: ctx.userEmail,
      })),
    });
  }
  await appendAuditEvents(tx, ctx, [
    ...created.map(({ entry: { item, clauseLinks: links, skuIds }, id }) => ({
      action: "evidence.created",
      targetType: "evidence",
      targetId: id,
      after: { kind: item.kind, title: item.title, reportNumber: item.reportNumber ?? null, clauses: links.length, skus: skuIds.length, runId: context.runId, reviewState: context.evidenceState },
    })),
    ...plan.update.map(({ item, existingId, clauseLinks: links, skuIds }) => ({
      action: "evidence.links_imported",
      targetType: "evidence",
      targetId: existingId!,
      after: { title: item.title, clauses: links.length, skus: skuIds.length, runId: context.runId },
    })),
  ]);
  await refreshDerivedAssessments(tx, ctx.organizationId, [...new Set(targets.flatMap(({ entry }) => entry.skuIds))]);
  return { evidenceCreated: created.length, evidenceUpdated: plan.update.length, clauseLinks: clauseCount, skuLinks: skuCount, files: revisions.length, skipped: plan.skipped.length };
}
