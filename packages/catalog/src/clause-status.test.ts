import { describe, expect, it } from "vitest";
import { formatClauseStatus, isMandatoryStatus, parseClauseStatus } from "./clause-status";

describe("clause status", () => {
  it("parses the ICS notation and formats it back", () => {
    for (const text of ["M", "R", "M C (1)", "R C (9, 12)", "M F (a)", "M C (14) F (e)", "R F (aa)"]) {
      const parsed = parseClauseStatus(text);
      expect(parsed).toBeDefined();
      expect(formatClauseStatus(parsed!)).toBe(text);
    }
    expect(parseClauseStatus("R C (9, 12)")).toEqual({ obligation: "R", conditions: [9, 12], features: [] });
  });

  it("rejects other notations", () => {
    for (const text of ["MC(1)", "M C(1)", "X", "M C ()", "m"]) expect(parseClauseStatus(text)).toBeUndefined();
  });

  it("counts the base letter as the obligation", () => {
    expect(isMandatoryStatus("M C (12)")).toBe(true);
    expect(isMandatoryStatus("R C (6)")).toBe(false);
    expect(isMandatoryStatus(undefined)).toBe(false);
  });
});
