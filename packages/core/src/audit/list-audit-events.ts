import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export const listAuditEventsInput = z.object({
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// Newest first, cursor = the seq of the last row seen.
export async function listAuditEvents(ctx: TenantContext, input: z.input<typeof listAuditEventsInput>) {
  assertCan(ctx, "audit:read");
  const { beforeSeq, limit } = listAuditEventsInput.parse(input);
  const rows = await tenantDb(ctx.organizationId).auditEvent.findMany({
    where: beforeSeq ? { seq: { lt: beforeSeq } } : {},
    orderBy: { seq: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return { events: page, nextBeforeSeq: rows.length > limit ? page[page.length - 1]?.seq : undefined };
}
