import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./format-date";

describe("date formatting", () => {
  it("shows a calendar day as stored, whatever the time zone", () => {
    expect(formatDay("vi", "2030-12-31")).toBe("31/12/2030");
    expect(formatDay("en", new Date("2030-01-01T00:00:00Z"))).toBe("01/01/2030");
    expect(formatDay("vi", null)).toBe("—");
  });

  it("shows a moment in Vietnamese time", () => {
    // 20:30 UTC is 03:30 the next day in Hanoi.
    expect(formatDateTime("en", new Date("2026-11-23T20:30:00Z"))).toBe("24/11/2026, 03:30:00");
    expect(formatDateTime("vi", undefined)).toBe("—");
  });
});
