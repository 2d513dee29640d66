import { findInvitationByTokenHash, platformDb, tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import { hashPassword, passwordSchema } from "../auth/password";
import { AppError, notFound } from "../errors";
import { hashInvitationToken } from "./invitation-token";

const tokenSchema = z.string().min(20).max(200);

async function findUsableInvitation(token: string) {
  const invitation = await findInvitationByTokenHash(hashInvitationToken(tokenSchema.parse(token)));
  if (!invitation || invitation.status !== "pending") throw notFound("Invitation");
  if (invitation.expiresAt <= new Date()) throw new AppError("EXPIRED", "Invitation expired");
  return invitation;
}

// What the invitation page shows before the visitor decides.
export async function describeInvitation(token: string) {
  const invitation = await findUsableInvitation(token);
  const existingUser = await platformDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    organizationName: invitation.organization.name,
    organizationSlug: invitation.organization.slug,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    accountExists: Boolean(existingUser),
  };
}

async function joinOrganization(tx: TenantTx, invitationId: string, user: { id: string; email: string }, organizationId: string) {
  // Conditional update: of two concurrent accepts only one sees the invitation still pending.
  const claimed = await tx.invitation.updateMany({
    where: { id: invitationId, status: "pending" },
    data: { status: "accepted", acceptedAt: new Date() },
  });
  if (claimed.count !== 1) throw notFound("Invitation");
  const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
  const membership = await tx.membership.upsert({
    where: { organizationId_userId: { organizationId, userId: user.id } },
    create: { organizationId, userId: user.id, role: invitation.role },
    update: {},
  });
  await appendAuditEvent(tx, { organizationId, userId: user.id, userEmail: user.email }, {
    action: "invitation.accepted",
    targetType: "membership",
    targetId: membership.id,
    after: { email: user.email, role: membership.role },
  });
  return membership;
}

// A signed-in user whose address the invitation names.
export async function acceptInvitationAsUser(token: string, user: { id: string; email: string }) {
  const invitation = await findUsableInvitation(token);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", "This invitation is for another e-mail address", { reason: "wrong_account" });
  }
  const organizationId = invitation.organizationId;
  await tenantDb(organizationId).$transaction((tx) => joinOrganization(tx, invitation.id, user, organizationId));
  return { organizationSlug: invitation.organization.slug };
}

export const signUpWithInvitationInput = z.object({
  token: tokenSchema,
  name: z.string().trim().min(1, "name_required").max(120),
  password: passwordSchema,
});

// A newcomer: the account is created for the invited address, in the same transaction as the membership.
export async function signUpWithInvitation(rawInput: z.input<typeof signUpWithInvitationInput>) {
  const input = signUpWithInvitationInput.parse(rawInput);
  const invitation = await findUsableInvitation(input.token);
  const existing = await platformDb().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "An account with this e-mail exists: sign in to accept", { reason: "account_exists" });
  const passwordHash = await hashPassword(input.password);
  const organizationId = invitation.organizationId;
  const user = await tenantDb(organizationId).$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash } });
    await joinOrganization(tx, invitation.id, created, organizationId);
    return created;
  });
  return { userId: user.id, email: user.email, organizationSlug: invitation.organization.slug };
}
