import { describe, expect, it } from "vitest";
import { diffMappingSets, mappingKey } from "./diff-mapping-sets";
import { smallMappingSet } from "./testing/fixtures";

describe("diffMappingSets", () => {
  it("reports added, removed and changed mappings keyed on source and target", () => {
    const before = smallMappingSet();
    const after = smallMappingSet();
    after.mappings[1] = { ...after.mappings[1]!, relation: "equal", strength: 9 };
    after.mappings[0] = { source: "1.1", target: "A.2", relation: "intersect", strength: 3, inferred: false, basis: "src" };

    const diff = diffMappingSets(before, after);
    expect(diff.added.map(mappingKey)).toEqual(["1.1 -> A.2"]);
    expect(diff.removed.map(mappingKey)).toEqual(["1.1 -> A.1"]);
    expect(diff.changed.map(({ code, fields }) => ({ code, fields }))).toEqual([{ code: "1.2 -> A.2", fields: ["relation", "strength"] }]);
  });

  it("treats a not_related decision as its own key", () => {
    const after = smallMappingSet();
    after.mappings[2] = { source: "2.1", target: "A.2", relation: "intersect", strength: 2, inferred: false, basis: "src" };
    const diff = diffMappingSets(smallMappingSet(), after);
    expect(diff.removed.map(mappingKey)).toEqual(["2.1 -> (none)"]);
    expect(diff.added.map(mappingKey)).toEqual(["2.1 -> A.2"]);
  });
});
