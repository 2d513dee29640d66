import type { Catalog } from "../schema/catalog-schema";
import type { MappingSet } from "../schema/mapping-set-schema";

/** Small hand-made data for tests; each call returns a fresh copy to mutate. */
export function smallCatalog(): Catalog {
  return {
    kind: "catalog",
    regulation: "TEST_REG",
    version: "1",
    title: { en: "Test regulation", vi: "Quy chuẩn thử" },
    provisional: false,
    codeScheme: "official",
    sources: [{ id: "src", citation: "Hand-made test data" }],
    notes: [],
    conditions: [{ id: 1, text: { en: "Passwords are used" } }],
    groups: [
      { code: "1", title: { en: "Passwords" }, source: "src" },
      { code: "2", title: { en: "Updates" }, source: "src" },
    ],
    clauses: [
      { code: "1.1", group: "1", title: { en: "Unique passwords", vi: "Mật khẩu duy nhất" }, status: "M C (1)", conditions: [1], source: "src" },
      { code: "1.2", group: "1", title: { en: "Strong crypto" }, status: "M", source: "src" },
      { code: "2.1", group: "2", title: { en: "Signed updates" }, status: "R", source: "src", note: "a, \"quoted\"\nsecond line" },
    ],
  };
}

export function smallTargetCatalog(): Catalog {
  return {
    ...smallCatalog(),
    regulation: "TEST_TARGET",
    groups: [{ code: "A", title: { en: "All" }, source: "src" }],
    clauses: [
      { code: "A.1", group: "A", title: { en: "Passwords" }, status: "M", source: "src" },
      { code: "A.2", group: "A", title: { en: "Crypto" }, status: "M", source: "src" },
    ],
  };
}

export function smallMappingSet(): MappingSet {
  return {
    kind: "mapping-set",
    id: "test-to-target",
    version: "1",
    title: { en: "Test mapping" },
    provisional: false,
    sourceCatalog: { regulation: "TEST_REG", version: "1" },
    targetCatalog: { regulation: "TEST_TARGET", version: "1" },
    sources: [{ id: "src", citation: "Hand-made test data" }],
    notes: [],
    mappings: [
      { source: "1.1", target: "A.1", relation: "equal", strength: 10, inferred: false, basis: "src" },
      { source: "1.2", target: "A.2", relation: "subset", strength: 6, inferred: true, certainty: "medium", basis: "src", rationale: "narrower" },
      { source: "2.1", relation: "not_related", strength: 0, inferred: false, basis: "src", rationale: "no update clause in the target" },
    ],
  };
}
