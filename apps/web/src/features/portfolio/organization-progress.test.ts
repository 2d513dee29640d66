import { describe, expect, it } from "vitest";
import { organizationProgress } from "./organization-progress";

describe("organizationProgress", () => {
  it("divides the settled clauses by every clause of every SKU", () => {
    expect(organizationProgress({ covered: 30, not_applicable: 11 }, 2, 41)).toBe(0.5);
    expect(organizationProgress({ covered: 41, not_applicable: 0 }, 1, 41)).toBe(1);
  });

  it("has nothing to say without SKUs or without a catalog", () => {
    expect(organizationProgress({ covered: 0, not_applicable: 0 }, 0, 41)).toBeNull();
    expect(organizationProgress({ covered: 0, not_applicable: 0 }, 3, 0)).toBeNull();
  });

  it("never exceeds 100 %", () => {
    expect(organizationProgress({ covered: 50, not_applicable: 0 }, 1, 41)).toBe(1);
  });
});
