import { createHash } from "node:crypto";
import { tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyCredentials } from "../auth/verify-credentials";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";
import { auditEventsOf, createTeam, expectAppError, uniqueEmail, uniqueIp, type TestTeam } from "../testing/fixtures";
import { acceptInvitationAsUser, describeInvitation, signUpWithInvitation } from "./accept-invitation";
import { INVITATION_TTL_MS } from "./invitation-token";
import { inviteMember } from "./invite-member";
import { listPendingInvitations } from "./list-invitations";
import { revokeInvitation } from "./revoke-invitation";

const PASSWORD = "invitee's long password";

let team: TestTeam;
beforeEach(async () => {
  team = await createTeam();
});

const invitationsOf = (organizationId: string) => tenantDb(organizationId).invitation.findMany({ orderBy: { createdAt: "asc" } });
const membershipOf = (organizationId: string, userId: string) =>
  tenantDb(organizationId).membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } });

describe("inviteMember", () => {
  it("an owner invites: a pending invitation, a one-time token of which only the hash is stored, an audit event", async () => {
    const email = uniqueEmail("invitee");
    const before = Date.now();
    const { invitation, token } = await inviteMember(team.ctx.owner, { email: `  ${email.toUpperCase()} `, role: "contributor" });

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ email, role: "contributor", status: "pending", invitedById: team.users.owner.id });
    expect(invitation.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(invitation.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_MS - 1000);
    expect(invitation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_TTL_MS);

    const [stored] = await invitationsOf(team.organization.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    const [event] = await auditEventsOf(team.organization.id);
    expect(event).toMatchObject({
      action: "invitation.created",
      targetId: invitation.id,
      actorId: team.users.owner.id,
      after: { email, role: "contributor" },
    });
  });

  it.each(["manager", "contributor", "viewer"] as const)("a manager may invite a %s", async (role) => {
    const { invitation } = await inviteMember(team.ctx.manager, { email: uniqueEmail(), role });
    expect(invitation).toMatchObject({ role, status: "pending", invitedById: team.users.manager.id });
  });

  it("an owner may invite an owner", async () => {
    const { invitation } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "owner" });
    expect(invitation.role).toBe("owner");
  });

  it("a manager cannot invite an owner (FORBIDDEN, nothing written)", async () => {
    await expectAppError(inviteMember(team.ctx.manager, { email: uniqueEmail(), role: "owner" }), "FORBIDDEN");
    expect(await invitationsOf(team.organization.id)).toEqual([]);
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });

  it.each(["contributor", "viewer"] as const)("a %s cannot invite anyone", async (role) => {
    await expectAppError(inviteMember(team.ctx[role], { email: uniqueEmail(), role: "viewer" }), "FORBIDDEN");
    expect(await invitationsOf(team.organization.id)).toEqual([]);
  });

  it("inviting someone who is already a member is a CONFLICT, whatever the address's case", async () => {
    const error = await expectAppError(
      inviteMember(team.ctx.owner, { email: team.users.viewer.email.toUpperCase(), role: "manager" }),
      "CONFLICT",
    );
    expect(error.details).toEqual({ reason: "already_member" });
    expect(await invitationsOf(team.organization.id)).toEqual([]);
  });

  it("rejects an invalid e-mail or role", async () => {
    await expect(inviteMember(team.ctx.owner, { email: "nope", role: "viewer" })).rejects.toThrow(/invalid_email/);
    await expect(inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "admin" as never })).rejects.toThrow();
  });

  it("re-inviting an address revokes its pending invitation", async () => {
    const email = uniqueEmail();
    const first = await inviteMember(team.ctx.owner, { email, role: "viewer" });
    const second = await inviteMember(team.ctx.manager, { email, role: "contributor" });

    const rows = await invitationsOf(team.organization.id);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [first.invitation.id, "revoked"],
      [second.invitation.id, "pending"],
    ]);
    await expectAppError(describeInvitation(first.token), "NOT_FOUND");
    expect((await describeInvitation(second.token)).role).toBe("contributor");
    expect((await listPendingInvitations(team.ctx.viewer)).map((i) => i.id)).toEqual([second.invitation.id]);
  });
});

describe("listPendingInvitations / revokeInvitation", () => {
  it("lists only pending, unexpired invitations, newest first", async () => {
    const a = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    const b = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    const c = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    await revokeInvitation(team.ctx.owner, { invitationId: a.invitation.id });
    await tenantDb(team.organization.id).invitation.update({ where: { id: b.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const pending = await listPendingInvitations(team.ctx.contributor);
    expect(pending.map((i) => i.id)).toEqual([c.invitation.id]);
    expect(Object.keys(pending[0]!).sort()).toEqual(["createdAt", "email", "expiresAt", "id", "role"]); // no token hash
  });

  it("revoking writes an audit event; revoking twice or an unknown id is NOT_FOUND", async () => {
    const { invitation } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    await revokeInvitation(team.ctx.manager, { invitationId: invitation.id });
    const events = await auditEventsOf(team.organization.id);
    expect(events.at(-1)).toMatchObject({ action: "invitation.revoked", targetId: invitation.id, actorId: team.users.manager.id, before: { email: invitation.email, role: "viewer" } });
    await expectAppError(revokeInvitation(team.ctx.owner, { invitationId: invitation.id }), "NOT_FOUND");
    await expectAppError(revokeInvitation(team.ctx.owner, { invitationId: "does-not-exist" }), "NOT_FOUND");
  });

  it("contributors and viewers cannot revoke", async () => {
    const { invitation } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    await expectAppError(revokeInvitation(team.ctx.contributor, { invitationId: invitation.id }), "FORBIDDEN");
    await expectAppError(revokeInvitation(team.ctx.viewer, { invitationId: invitation.id }), "FORBIDDEN");
    expect((await invitationsOf(team.organization.id))[0]?.status).toBe("pending");
  });
});

describe("accepting an invitation", () => {
  it("describeInvitation shows the organization, address and role, and whether an account exists", async () => {
    const newcomer = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "manager" });
    const existing = await createTestUser();
    const known = await inviteMember(team.ctx.owner, { email: existing.email, role: "viewer" });

    expect(await describeInvitation(newcomer.token)).toEqual({
      organizationName: team.organization.name,
      organizationSlug: team.organization.slug,
      email: newcomer.invitation.email,
      role: "manager",
      expiresAt: newcomer.invitation.expiresAt,
      accountExists: false,
    });
    expect((await describeInvitation(known.token)).accountExists).toBe(true);
  });

  it("rejects malformed and unknown tokens", async () => {
    await expect(describeInvitation("short")).rejects.toThrow();
    await expectAppError(describeInvitation("x".repeat(43)), "NOT_FOUND");
  });

  it("signUpWithInvitation creates the account and the membership with the invited role", async () => {
    const { invitation, token } = await inviteMember(team.ctx.owner, { email: uniqueEmail("newcomer"), role: "manager" });
    const result = await signUpWithInvitation({ token, name: "  Nguyễn Văn A ", password: PASSWORD });
    expect(result).toMatchObject({ email: invitation.email, organizationSlug: team.organization.slug });

    const membership = await membershipOf(team.organization.id, result.userId);
    expect(membership?.role).toBe("manager");
    const stored = (await invitationsOf(team.organization.id))[0]!;
    expect(stored.status).toBe("accepted");
    expect(stored.acceptedAt).toBeInstanceOf(Date);
    expect((await auditEventsOf(team.organization.id)).at(-1)).toMatchObject({
      action: "invitation.accepted",
      actorId: result.userId,
      targetId: membership!.id,
      after: { email: invitation.email, role: "manager" },
    });

    const signIn = await verifyCredentials({ email: invitation.email, password: PASSWORD, ip: uniqueIp() });
    expect(signIn).toMatchObject({ ok: true, user: { id: result.userId, name: "Nguyễn Văn A" } });
    const ctx = await resolveTenantContext({ id: result.userId, email: invitation.email }, team.organization.slug);
    expect(ctx.role).toBe("manager");
  });

  it("a token works once", async () => {
    const { token, invitation } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    const { userId } = await signUpWithInvitation({ token, name: "First", password: PASSWORD });
    await expectAppError(signUpWithInvitation({ token, name: "Again", password: PASSWORD }), "NOT_FOUND");
    await expectAppError(acceptInvitationAsUser(token, { id: userId, email: invitation.email }), "NOT_FOUND");
    await expectAppError(describeInvitation(token), "NOT_FOUND");
  });

  it("an expired invitation fails with EXPIRED and grants nothing", async () => {
    const existing = await createTestUser();
    const { token, invitation } = await inviteMember(team.ctx.owner, { email: existing.email, role: "viewer" });
    await tenantDb(team.organization.id).invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1) } });

    await expectAppError(describeInvitation(token), "EXPIRED");
    await expectAppError(acceptInvitationAsUser(token, existing), "EXPIRED");
    await expectAppError(signUpWithInvitation({ token, name: "Late", password: PASSWORD }), "EXPIRED");
    expect(await membershipOf(team.organization.id, existing.id)).toBeNull();
  });

  it("a revoked invitation fails and grants nothing", async () => {
    const existing = await createTestUser();
    const { token, invitation } = await inviteMember(team.ctx.owner, { email: existing.email, role: "viewer" });
    await revokeInvitation(team.ctx.owner, { invitationId: invitation.id });

    await expectAppError(acceptInvitationAsUser(token, existing), "NOT_FOUND");
    await expectAppError(signUpWithInvitation({ token, name: "X", password: PASSWORD }), "NOT_FOUND");
    expect(await membershipOf(team.organization.id, existing.id)).toBeNull();
  });

  it("acceptInvitationAsUser adds an existing account with the invited role", async () => {
    const existing = await createTestUser();
    const { token } = await inviteMember(team.ctx.owner, { email: existing.email, role: "contributor" });
    const result = await acceptInvitationAsUser(token, { id: existing.id, email: existing.email.toUpperCase() });
    expect(result).toEqual({ organizationSlug: team.organization.slug });
    expect((await membershipOf(team.organization.id, existing.id))?.role).toBe("contributor");
  });

  it("acceptInvitationAsUser with another account is FORBIDDEN and leaves the invitation usable", async () => {
    const invited = await createTestUser();
    const intruder = await createTestUser();
    const { token } = await inviteMember(team.ctx.owner, { email: invited.email, role: "viewer" });

    const error = await expectAppError(acceptInvitationAsUser(token, intruder), "FORBIDDEN");
    expect(error.details).toEqual({ reason: "wrong_account" });
    expect(await membershipOf(team.organization.id, intruder.id)).toBeNull();

    await acceptInvitationAsUser(token, invited);
    expect((await membershipOf(team.organization.id, invited.id))?.role).toBe("viewer");
  });

  it("signUpWithInvitation refuses when an account with that address exists (CONFLICT)", async () => {
    const existing = await createTestUser();
    const { token } = await inviteMember(team.ctx.owner, { email: existing.email, role: "viewer" });
    const error = await expectAppError(signUpWithInvitation({ token, name: "Dup", password: PASSWORD }), "CONFLICT");
    expect(error.details).toEqual({ reason: "account_exists" });
  });

  it("signUpWithInvitation validates the password", async () => {
    const { token } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    await expect(signUpWithInvitation({ token, name: "Weak", password: "aaaaaaaaaaaaaaaa" })).rejects.toThrow(/password_too_simple/);
    expect((await describeInvitation(token)).accountExists).toBe(false);
  });

  it("two concurrent accepts of one invitation yield exactly one membership", async () => {
    const existing = await createTestUser();
    const { token } = await inviteMember(team.ctx.owner, { email: existing.email, role: "contributor" });
    const results = await Promise.allSettled([acceptInvitationAsUser(token, existing), acceptInvitationAsUser(token, existing)]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    await expectAppError(Promise.reject(rejected.reason), "NOT_FOUND");
    expect(await tenantDb(team.organization.id).membership.count({ where: { userId: existing.id } })).toBe(1);
    const accepted = (await auditEventsOf(team.organization.id)).filter((e) => e.action === "invitation.accepted");
    expect(accepted).toHaveLength(1);
  });

  it("two concurrent sign-ups with one invitation create exactly one account", async () => {
    const { token, invitation } = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    const results = await Promise.allSettled([
      signUpWithInvitation({ token, name: "One", password: PASSWORD }),
      signUpWithInvitation({ token, name: "Two", password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const members = await tenantDb(team.organization.id).membership.findMany({ where: { user: { email: invitation.email } } });
    expect(members).toHaveLength(1);
  });
});
