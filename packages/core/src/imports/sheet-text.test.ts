import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSheetDate } from "./sheet-text";

describe("dates as customers' files hold them", () => {
  it("reads ISO days, Vietnamese day-first dates and Excel serial numbers", () => {
    expect(parseSheetDate("2026-07-01")).toBe("2026-07-01");
    expect(parseSheetDate("2026-7-1")).toBe("2026-07-01");
    expect(parseSheetDate("2026-07-01T00:00:00.000Z")).toBe("2026-07-01");
    expect(parseSheetDate("01/07/2026")).toBe("2026-07-01");
    expect(parseSheetDate("1.7.2026")).toBe("2026-07-01");
    expect(parseSheetDate("01-07-2026")).toBe("2026-07-01");
    expect(parseSheetDate("2026/07/01")).toBe("2026-07-01");
    expect(parseSheetDate("46204")).toBe("2026-07-01");
    expect(parseSheetDate(" 46204.0 ")).toBe("2026-07-01");
    expect(parseSheetDate("  ")).toBe("");
  });

  it("refuses days that do not exist and text that is not a date", () => {
    for (const text of ["31/02/2026", "29/02/2025", "13/13/2026", "2026-13-01", "00/01/2026", "07/2026", "next week", "1.5", "12", "9999999", "1/1/1850"]) {
      expect(parseSheetDate(text), text).toBeNull();
    }
    expect(parseSheetDate("29/02/2024")).toBe("2024-02-29");
  });

  it("reads back every day it can write, whichever way it is written", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1901-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        const serial = String(Math.round((Date.UTC(Number(y), Number(m) - 1, Number(d)) - Date.UTC(1899, 11, 30)) / 86_400_000));
        expect(parseSheetDate(iso)).toBe(iso);
        expect(parseSheetDate(`${d}/${m}/${y}`)).toBe(iso);
        expect(parseSheetDate(serial)).toBe(iso);
      }),
    );
  });
});
