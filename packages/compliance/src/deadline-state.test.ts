import { describe, expect, it } from "vitest";
import { deadlineState, DUE_SOON_DAYS } from "./deadline-state";

describe("deadlineState", () => {
  it("is due soon within 30 days, on the due date included", () => {
    expect(DUE_SOON_DAYS).toBe(30);
    expect(deadlineState("2027-01-31", "2026-12-31", false)).toEqual({ state: "upcoming", daysLeft: 31 });
    expect(deadlineState("2027-01-30", "2026-12-31", false)).toEqual({ state: "due_soon", daysLeft: 30 });
    expect(deadlineState("2026-12-31", "2026-12-31", false)).toEqual({ state: "due_soon", daysLeft: 0 });
    expect(deadlineState("2026-12-30", "2026-12-31", false)).toEqual({ state: "overdue", daysLeft: -1 });
  });

  it("met wins and still reports the days when dated; no date is tbd", () => {
    expect(deadlineState("2026-12-30", "2026-12-31", true)).toEqual({ state: "met", daysLeft: -1 });
    expect(deadlineState(null, "2026-12-31", true)).toEqual({ state: "met", daysLeft: null });
    expect(deadlineState(null, "2026-12-31", false)).toEqual({ state: "tbd", daysLeft: null });
  });

  it("refuses malformed dates", () => {
    expect(() => deadlineState("2027-02-30", "2026-12-31", false)).toThrow(/Invalid ISO date/);
    expect(() => deadlineState(null, "31/12/2026", false)).toThrow(/Invalid ISO date/);
    expect(() => deadlineState("2027-01-01", "31/12/2026", false)).toThrow(/Invalid ISO date/);
  });
});
