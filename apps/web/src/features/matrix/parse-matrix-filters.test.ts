import { describe, expect, it } from "vitest";
import { parseMatrixFilters } from "./parse-matrix-filters";

describe("parseMatrixFilters", () => {
  it("reads the filters and the cursor", () => {
    expect(parseMatrixFilters({ family: "fam1", risk: "high", status: "needs_review", q: " IPC ", cursor: "sku9" })).toEqual({
      filters: { familyId: "fam1", riskClass: "high", status: "needs_review", search: "IPC" },
      cursor: "sku9",
    });
  });

  it("drops unknown values and empty fields instead of failing", () => {
    expect(parseMatrixFilters({ family: "", risk: "extreme", status: "done", q: "   " })).toEqual({
      filters: { familyId: undefined, riskClass: undefined, status: undefined, search: undefined },
      cursor: undefined,
    });
  });

  it("takes the first of repeated parameters and caps lengths", () => {
    const { filters, cursor } = parseMatrixFilters({ status: ["gap", "partial"], q: "x".repeat(300), cursor: "c".repeat(100) });
    expect(filters.status).toBe("gap");
    expect(filters.search).toHaveLength(100);
    expect(cursor).toHaveLength(64);
  });
});
