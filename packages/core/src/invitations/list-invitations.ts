import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export async function listPendingInvitations(ctx: TenantContext) {
  assertCan(ctx, "member:read");
  return tenantDb(ctx.organizationId).invitation.findMany({
    where: { status: "pending", expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}
