import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export const listMembersInput = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export async function listMembers(ctx: TenantContext, rawInput: z.input<typeof listMembersInput> = {}) {
  assertCan(ctx, "member:read");
  const { cursor, limit } = listMembersInput.parse(rawInput);
  const rows = await tenantDb(ctx.organizationId).membership.findMany({
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const members = rows.slice(0, limit);
  return { members, nextCursor: rows.length > limit ? members[members.length - 1]?.id : undefined };
}
