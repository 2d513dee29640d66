import { describe, expect, it } from "vitest";
import { diffCatalogVersions } from "./diff-catalog-versions";
import { smallCatalog } from "./testing/fixtures";

describe("diffCatalogVersions", () => {
  it("finds nothing between equal versions", () => {
    const diff = diffCatalogVersions(smallCatalog(), smallCatalog());
    expect(diff.clauses).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.groups).toEqual({ added: [], removed: [], changed: [] });
  });

  it("reports added, removed and changed clauses with the changed fields", () => {
    const before = smallCatalog();
    const after = smallCatalog();
    after.clauses[0]!.status = "M";
    delete after.clauses[0]!.conditions;
    after.clauses[1]!.title = { en: "Stronger crypto" };
    after.clauses.splice(2, 1, { code: "2.2", group: "2", title: { en: "Update notices" }, status: "R", source: "src" });
    after.groups[1]!.title = { en: "Software updates" };

    const diff = diffCatalogVersions(before, after);
    expect(diff.clauses.added.map((c) => c.code)).toEqual(["2.2"]);
    expect(diff.clauses.removed.map((c) => c.code)).toEqual(["2.1"]);
    expect(diff.clauses.changed.map(({ code, fields }) => ({ code, fields }))).toEqual([
      { code: "1.1", fields: ["conditions", "status"] },
      { code: "1.2", fields: ["title"] },
    ]);
    expect(diff.clauses.changed[1]?.before.title.en).toBe("Strong crypto");
    expect(diff.groups.changed.map(({ code, fields }) => ({ code, fields }))).toEqual([{ code: "2", fields: ["title"] }]);
  });
});
