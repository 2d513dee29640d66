import { platformDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail, uniqueIp } from "../testing/fixtures";
import { LOCKOUT_POLICY } from "./lockout-policy";
import { hashPassword } from "./password";
import { verifyCredentials } from "./verify-credentials";

const PASSWORD = "a long and varied password";
const WRONG = "not the password at all";
const MINUTE = 60_000;

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

// Each test gets its own account and IP, and its own clock: `now` is passed explicitly.
async function account() {
  const user = await createTestUser({ passwordHash });
  const ip = uniqueIp();
  const t0 = Date.now();
  const at = (ms: number) => new Date(t0 + ms);
  const attempt = (password: string, ms: number, options: { email?: string; ip?: string } = {}) =>
    verifyCredentials({ email: options.email ?? user.email, password, ip: options.ip ?? ip, now: at(ms) });
  return { user, ip, at, attempt };
}

async function failTimes(attempt: (password: string, ms: number) => Promise<unknown>, times: number, startMs = 0) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await attempt(WRONG, startMs + i * 1000));
  return results;
}

describe("verifyCredentials", () => {
  it("accepts the right password and returns the user", async () => {
    const { user, attempt } = await account();
    const result = await attempt(PASSWORD, 0);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: 0 } });
  });

  it("normalises the e-mail's case and whitespace", async () => {
    const { user, attempt } = await account();
    expect((await attempt(PASSWORD, 0, { email: `  ${user.email.toUpperCase()} ` })).ok).toBe(true);
  });

  it("answers a wrong password with 'invalid'", async () => {
    const { attempt } = await account();
    expect(await attempt(WRONG, 0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("records every attempt it evaluates in LoginAttempt", async () => {
    const { user, ip, at, attempt } = await account();
    await attempt(WRONG, 0);
    await attempt(PASSWORD, 1000);
    const rows = await platformDb().loginAttempt.findMany({ where: { email: user.email }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => ({ email: r.email, ip: r.ip, success: r.success, createdAt: r.createdAt }))).toEqual([
      { email: user.email, ip, success: false, createdAt: at(0) },
      { email: user.email, ip, success: true, createdAt: at(1000) },
    ]);
  });

  it("locks the account on the 5th failure within 15 minutes, and then refuses even the right password", async () => {
    const { user, at, attempt } = await account();
    const results = await failTimes(attempt, 5);
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
    const lockedUntil = new Date(at(4000).getTime() + LOCKOUT_POLICY.accountLockMs);
    expect(results[4]).toEqual({ ok: false, reason: "locked", retryAfter: lockedUntil });

    expect(await attempt(PASSWORD, 5000)).toEqual({ ok: false, reason: "locked", retryAfter: lockedUntil });
    expect((await platformDb().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toEqual(lockedUntil);
  });

  it("lets the right password in once the lock has expired (16 minutes later)", async () => {
    const { attempt } = await account();
    await failTimes(attempt, 5);
    expect((await attempt(PASSWORD, 15 * MINUTE)).ok).toBe(false); // still inside the lock
    expect((await attempt(PASSWORD, 16 * MINUTE)).ok).toBe(true);
  });

  it("after an expired lock, earlier failures no longer count", async () => {
    const { attempt } = await account();
    await failTimes(attempt, 5);
    expect(await attempt(WRONG, 16 * MINUTE)).toEqual({ ok: false, reason: "invalid" });
  });

  it("does not count failures older than 15 minutes", async () => {
    const { attempt } = await account();
    await failTimes(attempt, 4); // at 0s..3s
    // 16 minutes later those four have left the window: one more failure is just "invalid".
    expect(await attempt(WRONG, 16 * MINUTE)).toEqual({ ok: false, reason: "invalid" });
    // ...and it takes five failures inside the new window to lock.
    const more = await failTimes(attempt, 4, 16 * MINUTE + 1000);
    expect(more.map((r) => (r as { reason: string }).reason)).toEqual(["invalid", "invalid", "invalid", "locked"]);
  });

  it("a successful sign-in resets the failure count", async () => {
    const { attempt } = await account();
    await failTimes(attempt, 4);
    expect((await attempt(PASSWORD, 10_000)).ok).toBe(true);
    const after = await failTimes(attempt, 5, 20_000);
    expect(after.map((r) => (r as { reason: string }).reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
  });

  it("locks an unknown e-mail after 5 failures too, exactly like a real account (no enumeration)", async () => {
    const email = uniqueEmail("nobody");
    const ip = uniqueIp();
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await verifyCredentials({ email, password: WRONG, ip, now: new Date(now + i * 1000) }));
    expect(results.slice(0, 4)).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
    expect(results[4]).toEqual({ ok: false, reason: "locked", retryAfter: new Date(now + 4000 + LOCKOUT_POLICY.accountLockMs) });
    expect(await platformDb().user.findUnique({ where: { email } })).toBeNull();
    expect(await platformDb().loginAttempt.count({ where: { email, success: false } })).toBe(5);
  });

  it("refuses a disabled user even with the right password", async () => {
    const { user, attempt } = await account();
    await platformDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await attempt(PASSWORD, 0)).toEqual({ ok: false, reason: "invalid" });
    const row = await platformDb().loginAttempt.findFirstOrThrow({ where: { email: user.email } });
    expect(row.success).toBe(false);
  });

  it(`throttles an IP after ${LOCKOUT_POLICY.ipMaxFailures} failures across different e-mails`, async () => {
    const { user, attempt } = await account();
    const ip = uniqueIp();
    const t0 = Date.now();
    for (let i = 0; i < LOCKOUT_POLICY.ipMaxFailures; i++) {
      const result = await verifyCredentials({ email: uniqueEmail("spray"), password: WRONG, ip, now: new Date(t0 + i * 100) });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await verifyCredentials({ email: user.email, password: PASSWORD, ip, now: new Date(t0 + 10_000) });
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfter: new Date(t0 + 10_000 + LOCKOUT_POLICY.ipWindowMs) });
    // The throttled attempt is not evaluated: nothing is recorded for it, and the account is not affected.
    expect(await platformDb().loginAttempt.count({ where: { email: user.email } })).toBe(0);
    expect((await attempt(PASSWORD, 10_000)).ok).toBe(true); // from another IP
    // Once the window has passed, the IP may try again.
    const later = await verifyCredentials({ email: user.email, password: PASSWORD, ip, now: new Date(t0 + 16 * MINUTE) });
    expect(later.ok).toBe(true);
  });
});
