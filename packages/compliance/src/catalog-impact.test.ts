import { describe, expect, it } from "vitest";
import {
  countReferenceChanges,
  describeReferenceChange,
  diffCatalogImpact,
  diffMappingImpact,
  mappingChangeKey,
  type ImpactCatalog,
  type ImpactClause,
  type ImpactMapping,
} from "./catalog-impact";

const clause = (code: string, extra: Partial<ImpactClause> = {}): ImpactClause => ({
  code,
  group: "G01",
  title: { vi: `Điều ${code}`, en: `Clause ${code}` },
  status: "M",
  source: "qcvn-11",
  ...extra,
});

const catalog = (clauses: ImpactClause[], conditions: ImpactCatalog["conditions"] = []): ImpactCatalog => ({ clauses, conditions });

const mapping = (source: string, target: string | undefined, extra: Partial<ImpactMapping> = {}): ImpactMapping => ({
  source,
  ...(target ? { target } : {}),
  relation: "equal",
  strength: 8,
  inferred: false,
  basis: "etsi",
  ...extra,
});

describe("diffCatalogImpact", () => {
  it("reports nothing for identical catalogs, whatever the key order of the documents", () => {
    const before = catalog([clause("A-1"), clause("A-2", { conditions: [1, 2] })]);
    const reordered = catalog([
      { source: "qcvn-11", status: "M", title: { en: "Clause A-1", vi: "Điều A-1" }, group: "G01", code: "A-1" },
      clause("A-2", { conditions: [1, 2] }),
    ]);
    expect(diffCatalogImpact(before, reordered)).toEqual([]);
  });

  it("a changed title and a removed clause both need review; the removed one comes last", () => {
    const before = catalog([clause("A-1"), clause("A-2"), clause("A-3")]);
    const after = catalog([clause("A-1"), clause("A-3", { title: { vi: "Điều A-3 (sửa)", en: "Clause A-3 (amended)" } })]);
    expect(diffCatalogImpact(before, after)).toEqual([
      { kind: "changed", key: "A-3", reasons: [{ field: "title" }], why: "title changed", needsReview: true },
      { kind: "removed", key: "A-2", reasons: [], why: "clause removed", needsReview: true },
    ]);
  });

  it("an added clause is listed but flags nothing", () => {
    const changes = diffCatalogImpact(catalog([clause("A-1")]), catalog([clause("A-0"), clause("A-1")]));
    expect(changes).toEqual([{ kind: "added", key: "A-0", reasons: [], why: "clause added", needsReview: false }]);
  });

  it("shows short values as before → after: status, conditions, provisional", () => {
    const before = catalog([clause("A-1", { status: "M", conditions: [1, 2], provisional: true })]);
    const after = catalog([clause("A-1", { status: "R", conditions: [1], provisional: false })]);
    const [change] = diffCatalogImpact(before, after);
    expect(change).toEqual({
      kind: "changed",
      key: "A-1",
      reasons: [
        { field: "conditions", before: "1, 2", after: "1" },
        { field: "provisional", before: "true", after: "false" },
        { field: "status", before: "M", after: "R" },
      ],
      why: "conditions 1, 2 → 1; provisional true → false; status M → R",
      needsReview: true,
    });
  });

  it("a value that appears or disappears shows an em dash on the missing side", () => {
    const [added] = diffCatalogImpact(catalog([clause("A-1")]), catalog([clause("A-1", { conditions: [3] })]));
    expect(added?.why).toBe("conditions — → 3");
    const [dropped] = diffCatalogImpact(catalog([clause("A-1", { conditions: [3] })]), catalog([clause("A-1")]));
    expect(dropped?.reasons).toEqual([{ field: "conditions", before: "3" }]);
    expect(dropped?.why).toBe("conditions 3 → —");
  });

  it("editorial changes (notes, sources, confidence, group) are listed without needing review", () => {
    const before = catalog([clause("A-1", { note: "old note", confidence: "medium" })]);
    const after = catalog([clause("A-1", { note: "a much longer note that is not shown in full", confidence: "high", group: "G02", source: "hq" })]);
    const [change] = diffCatalogImpact(before, after);
    expect(change).toMatchObject({ kind: "changed", needsReview: false });
    expect(change?.reasons.map((r) => r.field)).toEqual(["confidence", "group", "note", "source"]);
    expect(change?.why).toBe("confidence medium → high; group G01 → G02; note changed; source qcvn-11 → hq");
  });

  it("one substantive field among editorial ones is enough to need review", () => {
    const before = catalog([clause("A-1", { note: "n" })]);
    const after = catalog([clause("A-1", { note: "m", summary: { en: "Now also covers firmware updates" } })]);
    expect(diffCatalogImpact(before, after)[0]).toMatchObject({ needsReview: true, why: "note n → m; summary changed" });
  });

  it("a field the rules do not know is treated as substantive", () => {
    const [change] = diffCatalogImpact(catalog([clause("A-1")]), catalog([clause("A-1", { evaluationMethod: "lab" })]));
    expect(change).toMatchObject({ needsReview: true, why: "evaluationMethod — → lab" });
  });

  it("a changed condition text changes every clause that depends on it, in both revisions", () => {
    const conditions = (text3: string) => [
      { id: 1, text: { en: "The device has a user interface" } },
      { id: 3, text: { en: text3 } },
    ];
    const before = catalog([clause("A-1", { conditions: [3] }), clause("A-2", { conditions: [1] }), clause("A-3")], conditions("Passwords are used"));
    const after = catalog(
      [clause("A-1", { conditions: [3] }), clause("A-2", { conditions: [1] }), clause("A-3", { conditions: [3] })],
      conditions("Passwords or keys are used"),
    );
    expect(diffCatalogImpact(before, after)).toEqual([
      { kind: "changed", key: "A-1", reasons: [{ field: "condition", after: "3" }], why: "condition 3 text changed", needsReview: true },
      // A-3 newly depends on condition 3: reported as a conditions change, not as the text change.
      { kind: "changed", key: "A-3", reasons: [{ field: "conditions", after: "3" }], why: "conditions — → 3", needsReview: true },
    ]);
  });

  it("a withdrawn condition counts as changed for the clauses still naming it", () => {
    const before = catalog([clause("A-1", { conditions: [4] })], [{ id: 4, text: { en: "x" } }]);
    const after = catalog([clause("A-1", { conditions: [4] })], []);
    expect(diffCatalogImpact(before, after)).toMatchObject([{ key: "A-1", why: "condition 4 text changed", needsReview: true }]);
  });

  it("a clause listed twice in a malformed input is reported once", () => {
    expect(diffCatalogImpact(catalog([clause("A-1")]), catalog([clause("A-2"), clause("A-2")]))).toHaveLength(2);
  });
});

describe("diffMappingImpact", () => {
  it("keys mappings by source and target, like the catalog package", () => {
    expect(mappingChangeKey({ source: "5.1-1", target: "HQ11-G01-01" })).toBe("5.1-1 -> HQ11-G01-01");
    expect(mappingChangeKey({ source: "5.1-1" })).toBe("5.1-1 -> (none)");
  });

  it("relation equal → intersect and a lower strength need review", () => {
    const before = [mapping("5.1-1", "Q-1"), mapping("5.1-2", "Q-2")];
    const after = [mapping("5.1-1", "Q-1", { relation: "intersect", strength: 5 }), mapping("5.1-2", "Q-2")];
    expect(diffMappingImpact(before, after)).toEqual([
      {
        kind: "changed",
        key: "5.1-1 -> Q-1",
        reasons: [
          { field: "relation", before: "equal", after: "intersect" },
          { field: "strength", before: "8", after: "5" },
        ],
        why: "relation equal → intersect; strength 8 → 5",
        needsReview: true,
      },
    ]);
  });

  it("a removed mapping needs review, an added one does not; a new target is a removal plus an addition", () => {
    const before = [mapping("5.1-1", "Q-1"), mapping("5.1-3", undefined, { relation: "not_related", strength: 0 })];
    const after = [mapping("5.1-1", "Q-2"), mapping("5.1-3", undefined, { relation: "not_related", strength: 0 })];
    expect(diffMappingImpact(before, after)).toEqual([
      { kind: "added", key: "5.1-1 -> Q-2", reasons: [], why: "mapping added", needsReview: false },
      { kind: "removed", key: "5.1-1 -> Q-1", reasons: [], why: "mapping removed", needsReview: true },
    ]);
  });

  it("rationale, basis, certainty and inferred are editorial", () => {
    const before = [mapping("5.1-1", "Q-1", { rationale: "Same requirement." })];
    const after = [mapping("5.1-1", "Q-1", { rationale: "Same requirement, reworded in 2026.", basis: "qcvn-135", inferred: true, certainty: "high" })];
    const [change] = diffMappingImpact(before, after);
    expect(change).toMatchObject({ kind: "changed", needsReview: false });
    expect(change?.why).toBe("basis etsi → qcvn-135; certainty — → high; inferred false → true; rationale changed");
  });
});

describe("countReferenceChanges and describeReferenceChange", () => {
  it("counts by kind and those needing review", () => {
    const changes = diffCatalogImpact(
      catalog([clause("A-1"), clause("A-2"), clause("A-3", { note: "x" })]),
      catalog([clause("A-1", { status: "R" }), clause("A-3", { note: "y" }), clause("A-4")]),
    );
    expect(countReferenceChanges(changes)).toEqual({ added: 1, removed: 1, changed: 2, needsReview: 2 });
    expect(countReferenceChanges([])).toEqual({ added: 0, removed: 0, changed: 0, needsReview: 0 });
  });

  it("describes added and removed items by noun", () => {
    expect(describeReferenceChange({ kind: "added", reasons: [] }, "mapping")).toBe("mapping added");
    expect(describeReferenceChange({ kind: "removed", reasons: [] }, "clause")).toBe("clause removed");
  });
});
