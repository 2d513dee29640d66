import { describe, expect, it } from "vitest";
import { failureWindowStart, LOCKOUT_POLICY, shouldLock } from "./lockout-policy";

const MINUTE = 60_000;
const now = new Date("2026-03-01T12:00:00.000Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * MINUTE);
const minutesAhead = (m: number) => new Date(now.getTime() + m * MINUTE);

describe("LOCKOUT_POLICY", () => {
  it("is 5 failures in 15 minutes per account, locked for 15 minutes; 30 per IP in 15 minutes", () => {
    expect(LOCKOUT_POLICY).toEqual({
      accountMaxFailures: 5,
      accountWindowMs: 15 * MINUTE,
      accountLockMs: 15 * MINUTE,
      ipMaxFailures: 30,
      ipWindowMs: 15 * MINUTE,
    });
  });
});

describe("failureWindowStart", () => {
  it("is 15 minutes ago when there was no lock and no success", () => {
    expect(failureWindowStart(now, null, null)).toEqual(minutesAgo(15));
  });

  it("starts at a password change (reset) inside the window", () => {
    expect(failureWindowStart(now, null, minutesAgo(10), minutesAgo(2))).toEqual(minutesAgo(2));
    expect(failureWindowStart(now, null, null, minutesAgo(60))).toEqual(minutesAgo(15));
  });

  it("starts at the end of an expired lock inside the window", () => {
    expect(failureWindowStart(now, minutesAgo(1), null)).toEqual(minutesAgo(1));
  });

  it("ignores a lock that ended before the window", () => {
    expect(failureWindowStart(now, minutesAgo(60), null)).toEqual(minutesAgo(15));
  });

  it("starts at the last success inside the window", () => {
    expect(failureWindowStart(now, null, minutesAgo(3))).toEqual(minutesAgo(3));
  });

  it("ignores a success before the window", () => {
    expect(failureWindowStart(now, null, minutesAgo(20))).toEqual(minutesAgo(15));
  });

  it("takes the latest of window start, lock end and last success", () => {
    expect(failureWindowStart(now, minutesAgo(5), minutesAgo(2))).toEqual(minutesAgo(2));
    expect(failureWindowStart(now, minutesAgo(2), minutesAgo(5))).toEqual(minutesAgo(2));
  });

  it("a lock ending in the future puts the window start in the future (nothing counts yet)", () => {
    expect(failureWindowStart(now, minutesAhead(5), null)).toEqual(minutesAhead(5));
  });

  it("returns a new Date and does not mutate its inputs", () => {
    const lock = minutesAgo(1);
    const copy = new Date(lock);
    const start = failureWindowStart(now, lock, null);
    expect(start).not.toBe(lock);
    expect(lock).toEqual(copy);
  });
});

describe("shouldLock", () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
    [6, true],
    [100, true],
  ])("%i failures in the window -> lock: %s", (failures, expected) => {
    expect(shouldLock(failures)).toBe(expected);
  });

  it("locks exactly at accountMaxFailures", () => {
    expect(shouldLock(LOCKOUT_POLICY.accountMaxFailures - 1)).toBe(false);
    expect(shouldLock(LOCKOUT_POLICY.accountMaxFailures)).toBe(true);
  });
});
