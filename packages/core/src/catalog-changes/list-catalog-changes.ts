import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { loadTargetCatalog } from "../assessments/target-catalog";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { CATALOG_IMPACT_ACTION, catalogImpactRecordSchema, type CatalogImpactRecord } from "./catalog-impact-record";
import { catalogReviewReason, mappingReviewReason } from "./review-reasons";

const id = z.string().min(1).max(64);

export const listCatalogChangesInput = z.object({
  cursor: id.optional().or(z.literal("").transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export interface CatalogChangeItem {
  // The audit event's id (the page's cursor).
  id: string;
  createdAt: Date;
  record: CatalogImpactRecord;
  // Current assessments still marked "needs review" for this publication.
  stillNeedsReview: number;
}

// The publications that affected this organization (its catalog.impact audit events), newest first,
// keyset-paginated on seq. Every member reads them: they explain "needs review" marks in the matrix.
// The cursor is looked up among the organization's own events, so another organization's id is no
// position in this list.
export async function listCatalogChanges(ctx: TenantContext, rawInput: z.input<typeof listCatalogChangesInput> = {}) {
  assertCan(ctx, "assessment:read");
  const { cursor, limit } = listCatalogChangesInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const target = await loadTargetCatalog(db);
  let after = {};
  if (cursor) {
    const last = await db.auditEvent.findFirst({ where: { id: cursor, action: CATALOG_IMPACT_ACTION }, select: { seq: true } });
    if (!last) return { changes: [] as CatalogChangeItem[], nextCursor: undefined, skusNeedingReview: 0 };
    after = { seq: { lt: last.seq } };
  }
  const [rows, skusNeedingReview] = await Promise.all([
    db.auditEvent.findMany({
      where: { action: CATALOG_IMPACT_ACTION, ...after },
      orderBy: { seq: "desc" },
      take: limit + 1,
      select: { id: true, createdAt: true, after: true },
    }),
    // What the matrix's "needs review" filter will show (any reason: catalog, mapping or firmware).
    target
      ? db.sku.count({ where: { archivedAt: null, assessments: { some: { current: true, needsReview: true, clause: { catalogVersionId: target.id } } } } })
      : Promise.resolve(0),
  ]);
  const page = rows.slice(0, limit);
  const parsed = page.flatMap((row) => {
    // A record this version cannot read is left out rather than shown half.
    const record = catalogImpactRecordSchema.safeParse(row.after);
    return record.success ? [{ id: row.id, createdAt: row.createdAt, record: record.data }] : [];
  });
  const reasonOf = (record: CatalogImpactRecord) =>
    record.publication.kind === "catalog" ? catalogReviewReason(record.publication.id) : mappingReviewReason(record.publication.id);
  const open = parsed.length
    ? await db.assessment.groupBy({ by: ["needsReviewReason"], where: { current: true, needsReview: true, needsReviewReason: { in: parsed.map((p) => reasonOf(p.record)) } }, _count: { _all: true } })
    : [];
  const openByReason = new Map(open.map((g) => [g.needsReviewReason, g._count._all]));
  return {
    changes: parsed.map((p): CatalogChangeItem => ({ ...p, stillNeedsReview: openByReason.get(reasonOf(p.record)) ?? 0 })),
    nextCursor: rows.length > limit ? page[page.length - 1]?.id : undefined,
    skusNeedingReview,
  };
}
