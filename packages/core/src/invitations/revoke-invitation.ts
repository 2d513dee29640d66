import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { cancelEmailMessages } from "../email/cancel-email-messages";
import { emailDedupeKey } from "../email/write-email-messages";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

export const revokeInvitationInput = z.object({ invitationId: z.string().min(1).max(64) });

export async function revokeInvitation(ctx: TenantContext, rawInput: z.input<typeof revokeInvitationInput>) {
  assertCan(ctx, "member:invite");
  const input = revokeInvitationInput.parse(rawInput);
  await tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: input.invitationId } });
    if (!invitation || invitation.status !== "pending") throw notFound("Invitation");
    await tx.invitation.update({ where: { id: invitation.id }, data: { status: "revoked" } });
    await cancelEmailMessages(tx, [emailDedupeKey.invitation(invitation.id)], "invitation revoked");
    await appendAuditEvent(tx, ctx, {
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}
