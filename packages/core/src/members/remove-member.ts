import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { assertAnotherOwnerRemains } from "./assert-another-owner-remains";

export const removeMemberInput = z.object({ membershipId: z.string().min(1).max(64) });

export async function removeMember(ctx: TenantContext, rawInput: z.input<typeof removeMemberInput>) {
  assertCan(ctx, "member:remove");
  const input = removeMemberInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { id: input.membershipId },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    // The former member's calendar feed goes too, so a later re-invitation does not revive its URL.
    await tx.calendarFeed.deleteMany({ where: { userId: membership.userId } });
    await appendAuditEvent(tx, ctx, {
      action: "member.removed",
      targetType: "membership",
      targetId: membership.id,
      before: { userId: membership.userId, email: membership.user.email, role: membership.role },
    });
  });
}
