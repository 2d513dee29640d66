import { describe, expect, it } from "vitest";
import { isMandatoryStatus } from "./clause-status";
import { smallCatalog, smallMappingSet, smallTargetCatalog } from "./testing/fixtures";
import { validateMappingSetReferences } from "./validate-references";

describe("validateMappingSetReferences", () => {
  it("accepts a set whose clauses exist and that decides every source clause", () => {
    expect(validateMappingSetReferences(smallMappingSet(), smallCatalog(), smallTargetCatalog()).ok).toBe(true);
  });

  it("reports unknown source and target clauses with their index", () => {
    const set = smallMappingSet();
    set.mappings[0]!.target = "A.9";
    set.mappings[1]!.source = "1.7";
    const report = validateMappingSetReferences(set, smallCatalog(), smallTargetCatalog());
    expect(report.ok).toBe(false);
    expect(report.unknownTargets).toEqual([{ index: 0, code: "A.9" }]);
    expect(report.unknownSources).toEqual([{ index: 1, code: "1.7" }]);
  });

  it("lists source clauses without a decision, optionally only the mandatory ones", () => {
    const set = smallMappingSet();
    set.mappings = set.mappings.filter((m) => m.source === "1.1");
    expect(validateMappingSetReferences(set, smallCatalog(), smallTargetCatalog()).missingDecisions).toEqual(["1.2", "2.1"]);
    const mandatoryOnly = validateMappingSetReferences(set, smallCatalog(), smallTargetCatalog(), {
      requiresDecision: (clause) => isMandatoryStatus(clause.status),
    });
    expect(mandatoryOnly.missingDecisions).toEqual(["1.2"]);
  });

  it("reports catalogs that are not the ones the set names", () => {
    const report = validateMappingSetReferences(smallMappingSet(), smallTargetCatalog(), smallCatalog());
    expect(report.catalogMismatches).toHaveLength(2);
    expect(report.ok).toBe(false);
  });
});
