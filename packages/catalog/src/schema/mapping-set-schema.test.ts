import { describe, expect, it } from "vitest";
import { smallMappingSet } from "../testing/fixtures";
import { mappingSetSchema } from "./mapping-set-schema";

function issues(value: unknown) {
  const result = mappingSetSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("mappingSetSchema", () => {
  it("accepts a consistent mapping set", () => {
    expect(issues(smallMappingSet())).toEqual([]);
  });

  it("requires strength to be an integer from 0 to 10", () => {
    const set = smallMappingSet();
    set.mappings[0]!.strength = 11;
    set.mappings[1]!.strength = 2.5;
    expect(issues(set).map((i) => i.path)).toEqual(["mappings.0.strength", "mappings.1.strength"]);
  });

  it("requires a not_related decision to have a rationale, no target and strength 0", () => {
    const set = smallMappingSet();
    set.mappings[2] = { source: "2.1", target: "A.1", relation: "not_related", strength: 3, inferred: false, basis: "src" };
    expect(issues(set).map((i) => i.path).sort()).toEqual(["mappings.2.rationale", "mappings.2.strength", "mappings.2.target"]);
  });

  it("rejects a related mapping without target, duplicates and a source both mapped and not_related", () => {
    const set = smallMappingSet();
    set.mappings.push(
      { source: "1.1", target: "A.1", relation: "equal", strength: 10, inferred: false, basis: "src" },
      { source: "1.2", relation: "intersect", strength: 3, inferred: false, basis: "src" },
      { source: "1.1", relation: "not_related", strength: 0, inferred: false, basis: "src", rationale: "conflict" },
    );
    const found = issues(set);
    expect(found).toContainEqual({ path: "mappings.3", message: expect.stringContaining("duplicate") });
    expect(found).toContainEqual({ path: "mappings.4.target", message: "a intersect mapping needs a target" });
    expect(found).toContainEqual({ path: "mappings.5.relation", message: '"1.1" is both mapped and declared not_related' });
  });

  it("requires inferred mappings to explain themselves and bases to be header sources", () => {
    const set = smallMappingSet();
    delete set.mappings[1]!.rationale;
    set.mappings[0]!.basis = "unknown-source";
    const found = issues(set);
    expect(found).toContainEqual({ path: "mappings.1.rationale", message: "an inferred mapping needs a rationale" });
    expect(found).toContainEqual({ path: "mappings.0.basis", message: expect.stringContaining("unknown source") });
  });
});
