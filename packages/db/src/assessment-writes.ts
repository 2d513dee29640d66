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

// The three writes below mark assessments "needs review" in one statement each, whatever the number
// of rows, and return the SKU id of every row they marked (for counts of rows and of SKUs).

// Every current assessment on the given clauses.
export async function flagAssessmentsOnClauses(tx: TenantTx, organizationId: string, clauseIds: readonly string[], reason: string): Promise<string[]> {
  if (clauseIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ skuId: string }[]>(Prisma.sql`
      UPDATE "Assessment" SET "needsReview" = true, "needsReviewReason" = ${reason}, "updatedAt" = now()
      WHERE "organizationId" = ${organizationId} AND "current" = true AND "clauseId" = ANY(${[...clauseIds]}::text[])
      RETURNING "skuId"`);
  return rows.map((r) => r.skuId);
}

// The current assessment of each (SKU, firmware scope, clause) given, where it exists.
export async function flagAssessmentsAt(
  tx: TenantTx,
  organizationId: string,
  keys: readonly { skuId: string; scopeKey: string; clauseId: string }[],
  reason: string,
): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await tx.$queryRaw<{ skuId: string }[]>(Prisma.sql`
      UPDATE "Assessment" a SET "needsReview" = true, "needsReviewReason" = ${reason}, "updatedAt" = now()
      FROM unnest(${keys.map((k) => k.skuId)}::text[], ${keys.map((k) => k.scopeKey)}::text[], ${keys.map((k) => k.clauseId)}::text[]) AS k(sku_id, scope_key, clause_id)
      WHERE a."organizationId" = ${organizationId} AND a."current" = true
        AND a."skuId" = k.sku_id AND a."scopeKey" = k.scope_key AND a."clauseId" = k.clause_id
      RETURNING a."skuId"`);
  return rows.map((r) => r.skuId);
}

// Current re-mapped assessments whose explanation runs through one of the given mappings
// (explanation.paths[].steps[].mappingId). The JSON is searched in the database, so no explanation
// is loaded into the application.
export async function flagRemappedAssessmentsUsingMappings(tx: TenantTx, organizationId: string, mappingIds: readonly string[], reason: string): Promise<string[]> {
  if (mappingIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ skuId: string }[]>(Prisma.sql`
      UPDATE "Assessment" a SET "needsReview" = true, "needsReviewReason" = ${reason}, "updatedAt" = now()
      WHERE a."organizationId" = ${organizationId} AND a."current" = true AND a."origin" = 'remapped'
        AND EXISTS (
          SELECT 1 FROM jsonb_path_query(a."explanation", 'lax $.paths[*].steps[*].mappingId') AS m(id)
          WHERE m.id #>> '{}' = ANY(${[...mappingIds]}::text[]))
      RETURNING a."skuId"`);
  return rows.map((r) => r.skuId);
}
