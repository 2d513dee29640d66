// Evidence helpers for integration tests: a real local blob store in a temp dir and tiny real files.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { LocalDiskBlobStore } from "@hopquy/storage";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { loadTargetCatalog } from "../assessments/target-catalog";
import { platformDb, tenantDb } from "@hopquy/db";
import type { BlobStore } from "@hopquy/storage";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import type { TenantContext } from "../context";
import { createEvidence } from "../evidence/create-evidence";
import { uploadEvidenceRevision } from "../evidence/evidence-files";
import { reviewEvidence, submitEvidence } from "../evidence/review-evidence";

export function createTempBlobStore(): LocalDiskBlobStore {
  return new LocalDiskBlobStore({ root: mkdtempSync(path.join(os.tmpdir(), "hq-evidence-")) });
}

export function pdfBytes(label = "report"): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label} ${Math.random()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export const streamOf = (bytes: Buffer) => Readable.from([bytes]);

// The shipped catalogs (idempotent), and the current QCVN 11 target.
export async function ensureTargetCatalog() {
  await loadShippedReferenceData();
  const target = await loadTargetCatalog(platformDb());
  if (!target) throw new Error("QCVN 11 catalog missing after loading shipped data");
  return target;
}

// Evidence with a PDF, linked to the SKU and the clauses, submitted and accepted: what counts.
export async function createAcceptedEvidence(
  ctx: TenantContext,
  store: BlobStore,
  input: { skuId: string; clauseIds: string[]; title?: string; kind?: "certificate" | "lab_test_report"; expiryDate?: string; effectiveDate?: string },
) {
  const { skuId, clauseIds, title = "Chứng nhận QCVN 135", kind = "certificate", ...dates } = input;
  const evidence = await createEvidence(ctx, { kind, title, clauseIds, skuId, ...dates });
  await uploadEvidenceRevision(ctx, store, { evidenceId: evidence.id, fileName: "evidence.pdf", stream: streamOf(pdfBytes(title)) });
  await submitEvidence(ctx, { evidenceId: evidence.id });
  await reviewEvidence(ctx, { evidenceId: evidence.id, decision: "accept" });
  return evidence;
}

// Many SKUs at once (the registry path is tested elsewhere), optionally with derived assessments.
export async function createBulkSkus(organizationId: string, count: number, prefix: string, options: { derive?: boolean } = {}) {
  const db = tenantDb(organizationId);
  await db.sku.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      organizationId,
      modelCode: `${prefix}-${String(i).padStart(4, "0")}`,
      brand: "Bulk",
      manufacturer: "Bulk Co",
      countryOfOrigin: "CN",
      capabilities: {},
      riskClass: i % 2 ? ("medium" as const) : ("high" as const),
    })),
  });
  const ids = (await db.sku.findMany({ where: { modelCode: { startsWith: `${prefix}-` } }, select: { id: true } })).map((s) => s.id);
  if (options.derive) await db.$transaction((tx) => refreshDerivedAssessments(tx, organizationId, ids), { timeout: 60_000 });
  return ids;
}
