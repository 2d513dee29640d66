import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export async function getOrganizationOverview(ctx: TenantContext) {
  assertCan(ctx, "organization:read");
  const db = tenantDb(ctx.organizationId);
  const [organization, memberCount, pendingInvitations, lastEvents] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.organizationId } }),
    db.membership.count(),
    db.invitation.count({ where: { status: "pending", expiresAt: { gt: new Date() } } }),
    db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 5 }),
  ]);
  return { organization, memberCount, pendingInvitations, lastEvents };
}
