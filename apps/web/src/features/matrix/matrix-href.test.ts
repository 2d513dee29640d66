import { describe, expect, it } from "vitest";
import { matrixHref } from "./matrix-href";

describe("matrixHref", () => {
  it("keeps every filter and adds the cursor", () => {
    expect(matrixHref("/acme/matrix", { familyId: "fam1", riskClass: "high", status: "gap", search: "IPC 2" }, "sku9")).toBe(
      "/acme/matrix?family=fam1&risk=high&status=gap&q=IPC+2&cursor=sku9",
    );
  });

  it("goes back to the first page without a cursor", () => {
    expect(matrixHref("/acme/matrix", { status: "needs_review" })).toBe("/acme/matrix?status=needs_review");
    expect(matrixHref("/acme/matrix", {})).toBe("/acme/matrix");
  });
});
