// Brute-force policy: 5 failed sign-ins for an account within 15 minutes lock it for 15 minutes;
// 30 failures from one IP address within 15 minutes throttle that address for the rest of the window.
export const LOCKOUT_POLICY = {
  accountMaxFailures: 5,
  accountWindowMs: 15 * 60_000,
  accountLockMs: 15 * 60_000,
  ipMaxFailures: 30,
  ipWindowMs: 15 * 60_000,
} as const;

export function failureWindowStart(now: Date, lockedUntil: Date | null, lastSuccessAt: Date | null, passwordChangedAt: Date | null = null): Date {
  const windowStart = now.getTime() - LOCKOUT_POLICY.accountWindowMs;
  // Failures before an expired lock, the last success or a password change (reset) no longer count.
  return new Date(Math.max(windowStart, lockedUntil?.getTime() ?? 0, lastSuccessAt?.getTime() ?? 0, passwordChangedAt?.getTime() ?? 0));
}

export function shouldLock(failuresInWindow: number): boolean {
  return failuresInWindow >= LOCKOUT_POLICY.accountMaxFailures;
}
