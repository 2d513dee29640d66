import { platformDb } from "@hopquy/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { failureWindowStart, LOCKOUT_POLICY, shouldLock } from "./lockout-policy";

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" | "locked" | "rate_limited"; retryAfter?: Date };

// The server-side gate for every sign-in: lockout and throttling are checked before the password.
export async function verifyCredentials(input: {
  email: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<CredentialsResult> {
  const db = platformDb();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const ip = input.ip || "unknown";

  const ipFailures = await db.loginAttempt.count({
    where: { ip, success: false, createdAt: { gt: new Date(now.getTime() - LOCKOUT_POLICY.ipWindowMs) } },
  });
  if (ipFailures >= LOCKOUT_POLICY.ipMaxFailures) {
    return { ok: false, reason: "rate_limited", retryAfter: new Date(now.getTime() + LOCKOUT_POLICY.ipWindowMs) };
  }

  const user = await db.user.findUnique({ where: { email } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfter: user.lockedUntil };
  }

  const passwordOk = user && !user.disabledAt
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);

  await db.loginAttempt.create({ data: { email, ip, success: passwordOk, createdAt: now } });
  if (passwordOk && user) {
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
  }

  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.loginAttempt.count({
    where: {
      email,
      success: false,
      createdAt: { gt: failureWindowStart(now, user?.lockedUntil ?? null, lastSuccess?.createdAt ?? null, user?.passwordChangedAt ?? null), lte: now },
    },
  });
  if (shouldLock(failures)) {
    const lockedUntil = new Date(now.getTime() + LOCKOUT_POLICY.accountLockMs);
    if (user) await db.user.update({ where: { id: user.id }, data: { lockedUntil } });
    return { ok: false, reason: "locked", retryAfter: lockedUntil };
  }
  return { ok: false, reason: "invalid" };
}
