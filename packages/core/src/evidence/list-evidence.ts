import { tenantDb, type Prisma } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { addDays } from "@hopquy/compliance";
import { dateOfIsoDay, isoToday } from "../assessments/today";
import { assertCan } from "../permissions";
import { listEvidenceInput } from "./evidence-input";

// Newest first, keyset-paginated on (createdAt, id).
export async function listEvidence(ctx: TenantContext, rawInput: z.input<typeof listEvidenceInput> = {}) {
  assertCan(ctx, "evidence:read");
  const { cursor, limit, search, kind, reviewState, skuId, expiringWithinDays } = listEvidenceInput.parse(rawInput);
  const where: Prisma.EvidenceWhereInput = {
    ...(kind ? { kind } : {}),
    ...(reviewState ? { reviewState } : {}),
    ...(skuId ? { skuLinks: { some: { skuId } } } : {}),
    ...(expiringWithinDays !== undefined
      ? { expiryDate: { lte: dateOfIsoDay(addDays(isoToday(), expiringWithinDays)) } }
      : {}),
    ...(search
      ? { OR: [{ title: { contains: search, mode: "insensitive" } }, { issuer: { contains: search, mode: "insensitive" } }] }
      : {}),
  };
  const rows = await tenantDb(ctx.organizationId).evidence.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: { _count: { select: { revisions: true, clauseLinks: true, skuLinks: true } } },
  });
  const evidence = rows.slice(0, limit);
  return { evidence, nextCursor: rows.length > limit ? evidence[evidence.length - 1]?.id : undefined };
}
