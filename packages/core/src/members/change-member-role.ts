import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { assertAnotherOwnerRemains } from "./assert-another-owner-remains";

export const roleSchema = z.enum(["owner", "manager", "contributor", "viewer"]);

export const changeMemberRoleInput = z.object({
  membershipId: z.string().min(1).max(64),
  role: roleSchema,
});

export async function changeMemberRole(ctx: TenantContext, rawInput: z.input<typeof changeMemberRoleInput>) {
  assertCan(ctx, "member:change_role");
  const input = changeMemberRoleInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { id: input.membershipId } });
    if (!membership) throw notFound("Member");
    if (membership.role === input.role) return membership;
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await appendAuditEvent(tx, ctx, {
      action: "member.role_changed",
      targetType: "membership",
      targetId: membership.id,
      before: { role: membership.role, userId: membership.userId },
      after: { role: updated.role, userId: updated.userId },
    });
    return updated;
  });
}
