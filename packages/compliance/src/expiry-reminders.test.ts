import { describe, expect, it } from "vitest";
import {
  addDays,
  daysUntilExpiry,
  DEADLINE_REMINDER_THRESHOLDS,
  dueExpiryReminder,
  dueReminder,
  EXPIRY_REMINDER_HORIZON_DAYS,
  EXPIRY_REMINDER_THRESHOLDS,
} from "./expiry-reminders";

describe("daysUntilExpiry", () => {
  it.each([
    ["2026-12-31", "2026-12-31", 0],
    ["2026-12-31", "2026-12-30", 1],
    ["2026-12-31", "2027-01-01", -1],
    ["2027-01-30", "2026-12-31", 30],
    ["2028-03-01", "2028-02-28", 2], // leap year
    ["2027-03-01", "2027-02-28", 1],
    ["2026-03-30", "2026-03-28", 2], // no daylight-saving surprises: calendar days, UTC arithmetic
  ])("from %s back to %s is %i days", (expiry, today, days) => {
    expect(daysUntilExpiry(expiry, today)).toBe(days);
  });

  it.each(["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "", "2026-01-01T00:00:00Z"])("refuses the malformed date %j", (bad) => {
    expect(() => daysUntilExpiry(bad, "2026-01-01")).toThrow(/Invalid ISO date/);
    expect(() => daysUntilExpiry("2026-01-01", bad)).toThrow(/Invalid ISO date/);
  });
});

describe("addDays", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-12-02", 30, "2027-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-06-15", 0, "2026-06-15"],
  ])("%s + %i days = %s", (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysUntilExpiry(to, from)).toBe(days);
  });
});

describe("dueExpiryReminder", () => {
  it("has the thresholds 30, 7 and 1 and looks 30 days ahead", () => {
    expect([...EXPIRY_REMINDER_THRESHOLDS]).toEqual([30, 7, 1]);
    expect(EXPIRY_REMINDER_HORIZON_DAYS).toBe(Math.max(...EXPIRY_REMINDER_THRESHOLDS));
  });

  it("every day from 40 days out to 2 days after expiry, with nothing sent yet", () => {
    const due = Object.fromEntries(Array.from({ length: 43 }, (_, i) => 40 - i).map((days) => [days, dueExpiryReminder(days, [])]));
    for (let days = 40; days >= 31; days -= 1) expect(due[days]).toBeNull();
    for (let days = 30; days >= 8; days -= 1) expect(due[days]).toBe(30);
    for (let days = 7; days >= 2; days -= 1) expect(due[days]).toBe(7);
    expect(due[1]).toBe(1);
    // The expiry date is the last valid day: a 1-day reminder missed yesterday still goes out.
    expect(due[0]).toBe(1);
    expect(due[-1]).toBeNull();
    expect(due[-2]).toBeNull();
  });

  it("a daily sweep sends each threshold exactly once, on the day it is reached", () => {
    const sent: number[] = [];
    const sentOn: Record<number, number> = {};
    for (let days = 45; days >= -3; days -= 1) {
      const due = dueExpiryReminder(days, sent);
      if (due !== null) {
        sent.push(due);
        sentOn[due] = days;
      }
    }
    expect(sent).toEqual([30, 7, 1]);
    expect(sentOn).toEqual({ 30: 30, 7: 7, 1: 1 });
  });

  it.each([
    // [days left, already sent, due]
    [30, [], 30],
    [30, [30], null],
    [29, [30], null],
    [8, [30], null],
    [7, [30], 7],
    [7, [30, 7], null],
    [3, [30, 7], null],
    [1, [30, 7], 1],
    [1, [30, 7, 1], null],
    [0, [30, 7, 1], null],
    [0, [30, 7], 1],
  ] as const)("%i days left, sent %j: %s", (days, sent, due) => {
    expect(dueExpiryReminder(days, sent)).toBe(due);
  });

  it.each([
    // Missed days: only the tightest threshold reached goes out, once.
    [20, [], 30],
    [5, [], 7],
    [5, [30], 7],
    [1, [], 1],
    [1, [30], 1],
    [0, [], 1],
  ] as const)("after missed days (%i left, sent %j) reminds once with %i", (days, sent, due) => {
    expect(dueExpiryReminder(days, sent)).toBe(due);
    expect(dueExpiryReminder(days, [...sent, due])).toBeNull();
  });

  it.each([
    // A tighter reminder was sent (e.g. a sweep re-run for an earlier day): never widen again.
    [20, [7]],
    [20, [1]],
    [5, [1]],
    [30, [7, 1]],
  ] as const)("%i days left after %j was sent: nothing", (days, sent) => {
    expect(dueExpiryReminder(days, sent)).toBeNull();
  });

  it("ignores the order of what was sent and unknown thresholds that are wider", () => {
    expect(dueExpiryReminder(6, [30, 60])).toBe(7);
    expect(dueExpiryReminder(6, [60, 30])).toBe(7);
  });

  it("refuses a fractional number of days", () => {
    expect(() => dueExpiryReminder(1.5, [])).toThrow(/whole number/);
    expect(() => dueExpiryReminder(Number.NaN, [])).toThrow(/whole number/);
  });
});

describe("dueReminder", () => {
  it("defaults to the deadline thresholds 30, 7, 1 and agrees with dueExpiryReminder on them", () => {
    expect([...DEADLINE_REMINDER_THRESHOLDS]).toEqual([30, 7, 1]);
    const sentSets: number[][] = [[], [30], [30, 7], [7], [1], [30, 7, 1], [60]];
    for (let days = 45; days >= -3; days -= 1) {
      for (const sent of sentSets) expect(dueReminder(days, sent), `${days} ${JSON.stringify(sent)}`).toBe(dueExpiryReminder(days, sent));
    }
  });

  it("takes other thresholds in any order: the tightest reached and not yet sent, never a wider one after it", () => {
    const thresholds = [3, 14, 60];
    expect(dueReminder(61, [], thresholds)).toBeNull();
    expect(dueReminder(60, [], thresholds)).toBe(60);
    expect(dueReminder(20, [60], thresholds)).toBeNull();
    expect(dueReminder(10, [60], thresholds)).toBe(14);
    expect(dueReminder(10, [], thresholds)).toBe(14);
    expect(dueReminder(40, [14], thresholds)).toBeNull();
    expect(dueReminder(0, [60, 14], thresholds)).toBe(3);
    expect(dueReminder(-1, [], thresholds)).toBeNull();
  });

  it("a daily run over a deadline sends each threshold once, on its day", () => {
    const sent: number[] = [];
    for (let days = 40; days >= -2; days -= 1) {
      const due = dueReminder(days, sent);
      if (due !== null) sent.push(due);
    }
    expect(sent).toEqual([30, 7, 1]);
  });

  it("refuses a fractional number of days", () => {
    expect(() => dueReminder(2.5, [])).toThrow(/whole number/);
  });
});
