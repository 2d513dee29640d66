import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import { emailSchema } from "../auth/password";
import type { TenantContext } from "../context";
import { AppError, forbidden } from "../errors";
import { roleSchema } from "../members/change-member-role";
import { assertCan, INVITABLE_ROLES } from "../permissions";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";

export const inviteMemberInput = z.object({ email: emailSchema, role: roleSchema });

// Returns the one-time token: the caller shows the link to the inviter (and may e-mail it).
export async function inviteMember(ctx: TenantContext, rawInput: z.input<typeof inviteMemberInput>) {
  assertCan(ctx, "member:invite");
  const input = inviteMemberInput.parse(rawInput);
  if (!INVITABLE_ROLES[ctx.role].includes(input.role)) throw forbidden(`A ${ctx.role} cannot invite a ${input.role}`);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const alreadyMember = await tx.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
    if (alreadyMember) throw new AppError("CONFLICT", "Already a member", { reason: "already_member" });
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({ where: { email: input.email, status: "pending" }, data: { status: "revoked" } });
    const created = await tx.invitation.create({
      data: {
        organizationId: ctx.organizationId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: ctx.userId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await appendAuditEvent(tx, ctx, {
      action: "invitation.created",
      targetType: "invitation",
      targetId: created.id,
      after: { email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { invitation, token };
}
