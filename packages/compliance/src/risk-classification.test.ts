import { describe, expect, it } from "vitest";
import { classifyProduct, normalizeHsCode, resolveRiskClass, type RiskListRules } from "./risk-classification";
import { amendedRules, publishedRules, unpublishedRules } from "./testing/risk-list-rules";

const list = (entries: RiskListRules["entries"]): RiskListRules => ({ ...publishedRules(), entries });
const product = (hsCode: string | null, category: string | null = null) => ({ hsCode, category });

describe("normalizeHsCode", () => {
  it.each([
    ["8525.89.10", "85258910"],
    ["8525 89 10", "85258910"],
    [" 8525.89 ", "852589"],
    ["85", "85"],
    ["8525.89.10.00", "8525891000"],
  ])("%j -> %j", (code, digits) => {
    expect(normalizeHsCode(code)).toBe(digits);
  });

  it.each(["8", "", "  ", "85258910001", "8525-89", "8525.8x", "HS8525"])("%j is not an HS code", (code) => {
    expect(normalizeHsCode(code)).toBeNull();
  });
});

describe("classifyProduct", () => {
  it("matches an HS prefix on digits, whatever the dots and spaces", () => {
    for (const code of ["8525.89.10", "85258990", "8525 89 90", "8525.89"]) {
      expect(classifyProduct(product(code), publishedRules()), code).toEqual({ riskClass: "medium", entryId: "hs-8525-89", matchedBy: "hs_code", ambiguous: false });
    }
    expect(classifyProduct(product("8525.81.00"), publishedRules())?.riskClass).toBe("high");
  });

  it("does not match a shorter code, another prefix or a malformed code", () => {
    expect(classifyProduct(product("8525.8"), publishedRules())).toBeNull();
    expect(classifyProduct(product("8525.80.10"), publishedRules())).toBeNull();
    expect(classifyProduct(product("not a code"), publishedRules())).toBeNull();
    expect(classifyProduct(product(null), publishedRules())).toBeNull();
  });

  it("matches a category trimmed and case-insensitively", () => {
    expect(classifyProduct(product(null, " Baby-Monitor "), publishedRules())).toEqual({ riskClass: "low", entryId: "baby-monitor", matchedBy: "category", ambiguous: false });
    expect(classifyProduct(product(null, "baby"), publishedRules())).toBeNull();
    expect(classifyProduct(product(null, ""), list([{ id: "empty", category: " ", riskClass: "high" }]))).toBeNull();
  });

  it("prefers the longer prefix", () => {
    const rules = list([
      { id: "chapter", hsCodePrefix: "85", riskClass: "high" },
      { id: "heading", hsCodePrefix: "8525", riskClass: "low" },
      { id: "subheading", hsCodePrefix: "8525.89", riskClass: "medium" },
    ]);
    expect(classifyProduct(product("8525.89.10"), rules)?.entryId).toBe("subheading");
    expect(classifyProduct(product("8525.10.00"), rules)?.entryId).toBe("heading");
    expect(classifyProduct(product("8517.62"), rules)?.entryId).toBe("chapter");
  });

  it("an entry with HS prefix and category matches only when both do, and beats the HS prefix alone", () => {
    const rules = list([
      { id: "cameras", hsCodePrefix: "8525.89", riskClass: "medium" },
      { id: "baby-cams", hsCodePrefix: "8525.89", category: "baby-monitor", riskClass: "low" },
      { id: "any-baby", category: "baby-monitor", riskClass: "high" },
    ]);
    expect(classifyProduct(product("8525.89.10", "baby-monitor"), rules)).toEqual({ riskClass: "low", entryId: "baby-cams", matchedBy: "hs_code_and_category", ambiguous: false });
    expect(classifyProduct(product("8525.89.10", "ip-camera"), rules)?.entryId).toBe("cameras");
    // The HS prefix alone beats the category alone.
    expect(classifyProduct(product("8525.89.10", "baby-monitor"), list([rules.entries[0]!, rules.entries[2]!]))?.entryId).toBe("cameras");
    expect(classifyProduct(product("8471.30", "baby-monitor"), rules)?.entryId).toBe("any-baby");
    expect(classifyProduct(product(null, "baby-monitor"), list([rules.entries[1]!]))).toBeNull();
  });

  it("a longer prefix beats a shorter one that also names the category", () => {
    const rules = list([
      { id: "heading-baby", hsCodePrefix: "8525", category: "baby-monitor", riskClass: "low" },
      { id: "subheading", hsCodePrefix: "8525.89", riskClass: "medium" },
    ]);
    expect(classifyProduct(product("8525.89.10", "baby-monitor"), rules)?.entryId).toBe("subheading");
  });

  it("equally specific matches with different classes: the highest class, flagged ambiguous", () => {
    const rules = list([
      { id: "a", hsCodePrefix: "8525.89", riskClass: "medium" },
      { id: "b", hsCodePrefix: "852589", riskClass: "high" },
      { id: "c", hsCodePrefix: "8525 89", riskClass: "low" },
    ]);
    expect(classifyProduct(product("8525.89.10"), rules)).toEqual({ riskClass: "high", entryId: "b", matchedBy: "hs_code", ambiguous: true });
    // The same class twice is not ambiguous; the first entry answers.
    const same = list([
      { id: "a", hsCodePrefix: "8525.89", riskClass: "medium" },
      { id: "b", hsCodePrefix: "852589", riskClass: "medium" },
    ]);
    expect(classifyProduct(product("8525.89.10"), same)).toEqual({ riskClass: "medium", entryId: "a", matchedBy: "hs_code", ambiguous: false });
  });

  it("ignores entries with a malformed prefix or neither field", () => {
    const rules = list([
      { id: "bad", hsCodePrefix: "8x", riskClass: "high" },
      { id: "empty", riskClass: "high" },
    ]);
    expect(classifyProduct(product("8525.89.10", "ip-camera"), rules)).toBeNull();
  });

  it("classifies nothing without a list in force", () => {
    expect(classifyProduct(product("8525.89.10"), null)).toBeNull();
    expect(classifyProduct(product("8525.89.10"), { ...publishedRules(), status: "not_published" })).toBeNull();
    expect(classifyProduct(product("8525.89.10"), { ...publishedRules(), status: "superseded" })).toBeNull();
    expect(classifyProduct(product("8525.89.10"), unpublishedRules())).toBeNull();
    expect(classifyProduct(product("8525.89.10"), amendedRules())?.riskClass).toBe("high");
  });
});

describe("resolveRiskClass", () => {
  const medium = classifyProduct(product("8525.89.10"), publishedRules());

  it("takes the list's class when nothing is set by hand", () => {
    expect(resolveRiskClass({ listMatch: medium, manual: null })).toEqual({ riskClass: "medium", origin: "list", listRiskClass: "medium", listEntryId: "hs-8525-89", conflict: false });
  });

  it("a class set by hand wins, and a different list class is a conflict", () => {
    expect(resolveRiskClass({ listMatch: medium, manual: "high" })).toEqual({ riskClass: "high", origin: "manual", listRiskClass: "medium", listEntryId: "hs-8525-89", conflict: true });
    expect(resolveRiskClass({ listMatch: medium, manual: "medium" })).toMatchObject({ riskClass: "medium", origin: "manual", conflict: false });
    expect(resolveRiskClass({ listMatch: null, manual: "low" })).toEqual({ riskClass: "low", origin: "manual", listRiskClass: null, listEntryId: null, conflict: false });
  });

  it("is unclassified with neither", () => {
    expect(resolveRiskClass({ listMatch: null, manual: null })).toEqual({ riskClass: "unclassified", origin: "none", listRiskClass: null, listEntryId: null, conflict: false });
  });
});
