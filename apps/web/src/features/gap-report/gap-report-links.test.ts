import { describe, expect, it } from "vitest";
import { gapReportHref } from "./gap-report-links";

describe("gapReportHref", () => {
  it("points at the organization's gap report route, for one SKU or for all", () => {
    expect(gapReportHref("acme", "pdf")).toBe("/api/orgs/acme/gap-report?format=pdf");
    expect(gapReportHref("acme", "csv", "sku_1")).toBe("/api/orgs/acme/gap-report?format=csv&skuId=sku_1");
  });
});
