import { platformDb, tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { describe, expect, it } from "vitest";
import { loadSessionUser } from "../users/load-session-user";
import { changePassword } from "../users/change-password";
import { expectAppError, uniqueEmail, uniqueIp } from "../testing/fixtures";
import { hashPassword } from "./password";
import { PASSWORD_RESET_POLICY } from "./password-reset-policy";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { verifyCredentials } from "./verify-credentials";

const NEW_PASSWORD = "a brand new passphrase 42";

async function account() {
  const email = uniqueEmail("reset");
  const user = await createTestUser({ email, passwordHash: await hashPassword("the old passphrase 1") });
  const organization = await createTestOrganization({ ownerId: user.id });
  return { user, email, organization };
}

// The link is only in the e-mail (the database keeps the hash): read it where the user would.
async function tokenFrom(emailMessageId: string | null): Promise<string> {
  const mail = await platformDb().emailMessage.findUniqueOrThrow({ where: { id: emailMessageId! } });
  const match = /reset-password\?token=([^\s&"<]+)/.exec(mail.textBody);
  return decodeURIComponent(match![1]!);
}

describe("requestPasswordReset", () => {
  it("answers alike for known and unknown addresses; only a known one gets a sensitive e-mail", async () => {
    const { user, email } = await account();
    const ip = uniqueIp();
    const known = await requestPasswordReset({ email: email.toUpperCase(), ip });
    const unknown = await requestPasswordReset({ email: uniqueEmail("nobody"), ip });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(unknown.emailMessageId).toBeNull();
    const mail = await platformDb().emailMessage.findUniqueOrThrow({ where: { id: known.emailMessageId! } });
    expect(mail).toMatchObject({ kind: "password-reset", toAddress: email, userId: user.id, sensitive: true, subject: "Đặt lại mật khẩu HopQuy" });
    expect(mail.textBody).toContain("30 phút");
    const requests = await platformDb().passwordResetRequest.findMany({ where: { ip }, orderBy: { createdAt: "asc" } });
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ email, userId: user.id });
    expect(requests[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(requests[0]!.expiresAt.getTime() - requests[0]!.createdAt.getTime()).toBe(PASSWORD_RESET_POLICY.ttlMs);
    // The token itself is nowhere in the database but the (to be blanked) e-mail body.
    expect(requests[0]!.tokenHash).not.toBe(await tokenFrom(known.emailMessageId));
    expect(requests[1]).toMatchObject({ userId: null, tokenHash: null });
  });

  it("throttles per account (3 an hour) and per IP address (10 an hour), still answering the same", async () => {
    const { email } = await account();
    const sent: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) sent.push((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    expect(sent.slice(0, 3).every(Boolean)).toBe(true);
    expect(sent[3]).toBeNull();
    // An hour later the account may ask again.
    const later = new Date(Date.now() + PASSWORD_RESET_POLICY.windowMs + 1000);
    expect((await requestPasswordReset({ email, ip: uniqueIp(), now: later })).emailMessageId).not.toBeNull();

    const ip = uniqueIp();
    for (let i = 0; i < PASSWORD_RESET_POLICY.perIp; i += 1) await requestPasswordReset({ email: uniqueEmail("spray"), ip });
    const victim = await account();
    expect((await requestPasswordReset({ email: victim.email, ip })).emailMessageId).toBeNull();
    expect(await platformDb().passwordResetRequest.count({ where: { ip } })).toBe(PASSWORD_RESET_POLICY.perIp + 1);
  });

  it("sends nothing for a disabled account", async () => {
    const { user, email } = await account();
    await platformDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId).toBeNull();
  });
});

describe("resetPassword", () => {
  it("sets the password, revokes every session, clears the lockout, audits, and ends the other links", async () => {
    const { user, email, organization } = await account();
    const other = await createTestOrganization({ ownerId: user.id });
    const older = await tokenFrom((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    const token = await tokenFrom((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    await platformDb().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    expect(await loadSessionUser(user.id, 0)).not.toBeNull();

    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual({ userId: user.id, email });
    const updated = await platformDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated).toMatchObject({ sessionVersion: 1, lockedUntil: null });
    expect(updated.passwordChangedAt).toBeInstanceOf(Date);
    expect(await loadSessionUser(user.id, 0)).toBeNull();
    expect(await verifyCredentials({ email, password: NEW_PASSWORD, ip: uniqueIp() })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email, password: "the old passphrase 1", ip: uniqueIp() })).toMatchObject({ ok: false });
    for (const org of [organization, other]) {
      const events = await tenantDb(org.id).auditEvent.findMany({ where: { action: "user.password_reset" } });
      expect(events).toEqual([expect.objectContaining({ actorId: user.id, actorEmail: email, targetType: "user", targetId: user.id })]);
    }
    // Single use, and the older link of the same user no longer works either.
    await expectAppError(resetPassword({ token, password: NEW_PASSWORD }), "EXPIRED");
    await expectAppError(resetPassword({ token: older, password: NEW_PASSWORD }), "EXPIRED");
  });

  it("refuses an expired link, an unknown one and a weak password", async () => {
    const { email } = await account();
    const token = await tokenFrom((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    await expectAppError(resetPassword({ token, password: NEW_PASSWORD, now: new Date(Date.now() + PASSWORD_RESET_POLICY.ttlMs + 1000) }), "EXPIRED");
    await expectAppError(resetPassword({ token: "x".repeat(43), password: NEW_PASSWORD }), "EXPIRED");
    await expect(resetPassword({ token, password: "short" })).rejects.toThrow("password_too_short");
    // Still usable within its 30 minutes.
    await expect(resetPassword({ token, password: NEW_PASSWORD })).resolves.toMatchObject({ email });
  });

  it("of two concurrent uses of one link exactly one succeeds", async () => {
    const { user, email } = await account();
    const token = await tokenFrom((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    const outcomes = await Promise.allSettled([resetPassword({ token, password: NEW_PASSWORD }), resetPassword({ token, password: "another passphrase 77" })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((await platformDb().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });
});

describe("changePassword", () => {
  it("needs the current password, revokes the sessions, audits and ends outstanding reset links", async () => {
    const { user, email, organization } = await account();
    const token = await tokenFrom((await requestPasswordReset({ email, ip: uniqueIp() })).emailMessageId);
    const wrong = await expectAppError(changePassword(user.id, { currentPassword: "not it at all", newPassword: NEW_PASSWORD }), "VALIDATION");
    expect(wrong.details).toEqual({ reason: "wrong_current_password" });
    await expect(changePassword(user.id, { currentPassword: "the old passphrase 1", newPassword: "aaaaaaaaaaaa" })).rejects.toThrow("password_too_simple");

    expect(await changePassword(user.id, { currentPassword: "the old passphrase 1", newPassword: NEW_PASSWORD })).toEqual({ email, sessionVersion: 1 });
    expect(await loadSessionUser(user.id, 0)).toBeNull();
    expect(await verifyCredentials({ email, password: NEW_PASSWORD, ip: uniqueIp() })).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
    expect(await tenantDb(organization.id).auditEvent.count({ where: { action: "user.password_changed", actorId: user.id } })).toBe(1);
    await expectAppError(resetPassword({ token, password: "yet another passphrase" }), "EXPIRED");
  });
});
