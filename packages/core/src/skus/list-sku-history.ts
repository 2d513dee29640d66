import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

export const listSkuHistoryInput = z.object({
  skuId: z.string().min(1).max(64),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// The audit trail of one SKU (registry edits, firmware, evidence links, decisions), newest first.
// Anyone who can read the SKU can read its own history; the organization-wide log stays with
// managers.
export async function listSkuHistory(ctx: TenantContext, rawInput: z.input<typeof listSkuHistoryInput>) {
  assertCan(ctx, "sku:read");
  const { skuId, beforeSeq, limit } = listSkuHistoryInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  if (!(await db.sku.findUnique({ where: { id: skuId }, select: { id: true } }))) throw notFound("SKU");
  const rows = await db.auditEvent.findMany({
    where: { targetType: "sku", targetId: skuId, ...(beforeSeq ? { seq: { lt: beforeSeq } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
    select: { seq: true, action: true, actorEmail: true, createdAt: true, before: true, after: true },
  });
  const events = rows.slice(0, limit);
  return { events, nextBeforeSeq: rows.length > limit ? events[events.length - 1]?.seq : undefined };
}
