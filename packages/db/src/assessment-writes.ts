import { Prisma } from "./generated/prisma/client";
import type { TenantTx } from "./tenant-db";

export interface AssessmentRowInput {
  skuId: string;
  firmwareVersionId: string | null;
  scopeKey: string;
  clauseId: string;
  status: "not_started" | "in_progress" | "covered" | "partial" | "gap" | "not_applicable";
  reason: string | null;
  explanation: unknown;
  needsReview: boolean;
  needsReviewReason: string | null;
}

// Derived (from evidence) and re-mapped rows, written in bulk. Prisma's createMany sends tens of thousands of bound parameters and took ~37 s for 1,000 SKUs x
// 41 clauses; one INSERT ... SELECT FROM unnest() of column arrays does the same in well under a
// second. The organization comes from the caller's tenant, never from the rows, and the composite
// foreign key (skuId, organizationId) rejects a SKU of another organization.
export async function insertAssessments(
  tx: TenantTx,
  organizationId: string,
  origin: "derived" | "remapped",
  rows: readonly AssessmentRowInput[],
  decidedBy: { id: string; email: string } | null = null,
): Promise<number> {
  if (rows.length === 0) return 0;
  const part = rows;
  const inserted = await tx.$executeRaw(Prisma.sql`
      INSERT INTO "Assessment" ("id", "organizationId", "skuId", "firmwareVersionId", "scopeKey", "clauseId", "status", "origin",
        "reason", "explanation", "needsReview", "needsReviewReason", "current", "decidedById", "decidedByEmail", "decidedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${organizationId}, r.sku_id, r.firmware_version_id, r.scope_key, r.clause_id,
        r.status::"AssessmentStatus", ${origin}::"AssessmentOrigin", r.reason, r.explanation::jsonb, r.needs_review,
        r.needs_review_reason, true, ${decidedBy?.id ?? null}, ${decidedBy?.email ?? null}, ${decidedBy ? new Date() : null}, now(), now()
      FROM unnest(
        ${part.map((r) => r.skuId)}::text[],
        ${part.map((r) => r.firmwareVersionId)}::text[],
        ${part.map((r) => r.scopeKey)}::text[],
        ${part.map((r) => r.clauseId)}::text[],
        ${part.map((r) => r.status)}::text[],
        ${part.map((r) => r.reason)}::text[],
        ${part.map((r) => JSON.stringify(r.explanation ?? null))}::text[],
        ${part.map((r) => r.needsReview)}::boolean[],
        ${part.map((r) => r.needsReviewReason)}::text[]
      ) AS r(sku_id, firmware_version_id, scope_key, clause_id, status, reason, explanation, needs_review, needs_review_reason)`);
  // A bulk load (an import, a new catalog) changes the table faster than autovacuum notices; with
  // stale statistics the matrix queries picked nested-loop plans 100x slower (measured: 46 s vs 0.4 s).
  if (rows.length >= ANALYZE_THRESHOLD_ROWS) await tx.$executeRaw(Prisma.sql`ANALYZE "Assessment"`);
  return inserted;
}

const ANALYZE_THRESHOLD_ROWS = 5_000;

// By id list as one array parameter: Prisma's `id: { in }` binds one parameter per id and fails
// past ~32k. Scoped to the caller's organization like every tenant write.
export async function deleteAssessmentsById(tx: TenantTx, organizationId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Assessment" WHERE "organizationId" = ${organizationId} AND "id" = ANY(${[...ids]}::text[])`);
}
