import { tenantDb } from "@hopquy/db";
import { readMailEnv, renderInvitationMail } from "@hopquy/mail";
import { z } from "zod";
import { isoToday } from "../assessments/today";
import { appendAuditEvent } from "../audit/append-audit-event";
import { emailSchema } from "../auth/password";
import type { TenantContext } from "../context";
import { AppError, forbidden } from "../errors";
import { cancelEmailMessages } from "../email/cancel-email-messages";
import { emailDedupeKey, writeEmailMessage } from "../email/write-email-messages";
import { roleSchema } from "../members/change-member-role";
import { assertCan, INVITABLE_ROLES } from "../permissions";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";

export const inviteMemberInput = z.object({ email: emailSchema, role: roleSchema });

// Returns the one-time token: the caller shows the link to the inviter. The invitation e-mail is
// written to the outbox in the same transaction (enqueue `emailMessageId` after the commit).
export async function inviteMember(ctx: TenantContext, rawInput: z.input<typeof inviteMemberInput>) {
  assertCan(ctx, "member:invite");
  const input = inviteMemberInput.parse(rawInput);
  if (!INVITABLE_ROLES[ctx.role].includes(input.role)) throw forbidden(`A ${ctx.role} cannot invite a ${input.role}`);
  const { token, tokenHash } = newInvitationToken();
  const invitation = await tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const alreadyMember = await tx.membership.findFirst({ where: { user: { email: input.email } }, select: { id: true } });
    if (alreadyMember) throw new AppError("CONFLICT", "Already a member", { reason: "already_member" });
    // A new invitation replaces any pending one for the same address.
    const replaced = await tx.invitation.updateManyAndReturn({ where: { email: input.email, status: "pending" }, data: { status: "revoked" }, select: { id: true } });
    // Their links no longer work: an e-mail still waiting for SMTP must not carry one.
    await cancelEmailMessages(tx, replaced.map((i) => emailDedupeKey.invitation(i.id)), "invitation replaced");
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
    // The invitee's own language when they already have an account, else the inviter's.
    const [organization, people] = await Promise.all([
      tx.organization.findFirstOrThrow({ select: { name: true } }),
      tx.user.findMany({ where: { OR: [{ id: ctx.userId }, { email: input.email }] }, select: { id: true, name: true, email: true, locale: true } }),
    ]);
    const inviter = people.find((p) => p.id === ctx.userId);
    const locale = people.find((p) => p.email === input.email)?.locale ?? inviter?.locale ?? "vi";
    const emailMessageId = await writeEmailMessage(tx, {
      organizationId: ctx.organizationId,
      kind: "invitation",
      dedupeKey: emailDedupeKey.invitation(created.id),
      to: created.email,
      locale,
      content: renderInvitationMail(
        {
          locale,
          organizationName: organization.name,
          inviterName: inviter?.name ?? ctx.userEmail,
          inviterEmail: ctx.userEmail,
          role: created.role,
          acceptPath: `/invite/${token}`,
          expiresOn: isoToday(created.expiresAt),
        },
        { appUrl: readMailEnv().appUrl },
      ),
      // The link is a credential until accepted: blanked once sent.
      sensitive: true,
    });
    return { created, emailMessageId };
  });
  return { invitation: invitation.created, token, emailMessageId: invitation.emailMessageId };
}
