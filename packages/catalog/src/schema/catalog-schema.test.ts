import { describe, expect, it } from "vitest";
import { smallCatalog } from "../testing/fixtures";
import { catalogSchema } from "./catalog-schema";

function issues(value: unknown) {
  const result = catalogSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("catalogSchema", () => {
  it("accepts a consistent catalog", () => {
    expect(issues(smallCatalog())).toEqual([]);
  });

  it("rejects unknown keys", () => {
    const catalog = { ...smallCatalog(), colour: "blue" };
    expect(issues(catalog)).toEqual([expect.objectContaining({ message: expect.stringContaining("colour") })]);
  });

  it("rejects duplicate clause codes and unknown groups", () => {
    const catalog = smallCatalog();
    catalog.clauses[1]!.code = "1.1";
    catalog.clauses[2]!.group = "9";
    const found = issues(catalog);
    expect(found).toContainEqual({ path: "clauses.1.code", message: expect.stringContaining("duplicate") });
    expect(found).toContainEqual({ path: "clauses.2.group", message: 'unknown group "9"' });
  });

  it("requires the status text to agree with the conditions, and conditions to exist", () => {
    const catalog = smallCatalog();
    catalog.clauses[0]!.status = "M C (2)";
    catalog.clauses[1]!.conditions = [7];
    const found = issues(catalog);
    expect(found).toContainEqual({ path: "clauses.0.status", message: expect.stringContaining('expected "M C (1)"') });
    expect(found).toContainEqual({ path: "clauses.1.conditions.0", message: "unknown condition 7" });
  });

  it("rejects a malformed status", () => {
    const catalog = smallCatalog();
    catalog.clauses[1]!.status = "mandatory";
    expect(issues(catalog)).toContainEqual({ path: "clauses.1.status", message: expect.stringContaining("is not of the form") });
  });

  it("requires clauses in group order, every group used and known sources", () => {
    const catalog = smallCatalog();
    catalog.clauses = [catalog.clauses[2]!, catalog.clauses[0]!];
    catalog.groups.push({ code: "3", title: { en: "Empty" }, source: "nowhere" });
    const found = issues(catalog);
    expect(found).toContainEqual({ path: "clauses.1.group", message: expect.stringContaining("order of their groups") });
    expect(found).toContainEqual({ path: "groups.2", message: 'group "3" has no clauses' });
    expect(found).toContainEqual({ path: "groups.2.source", message: expect.stringContaining('unknown source "nowhere"') });
  });

  it("needs a title in at least one language", () => {
    const catalog = smallCatalog();
    catalog.clauses[0]!.title = {};
    expect(issues(catalog)).toContainEqual({ path: "clauses.0.title", message: expect.stringContaining("needs a Vietnamese") });
  });
});
