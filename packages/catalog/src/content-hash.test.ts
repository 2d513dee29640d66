import { describe, expect, it } from "vitest";
import { contentHash } from "./content-hash";
import { exportCatalogYaml } from "./export/export-catalog-yaml";
import { exportCatalogCsv } from "./export/export-catalog-csv";
import { parseCatalog } from "./parse/parse-catalog";
import { smallCatalog, smallMappingSet } from "./testing/fixtures";
import { reverseKeys } from "./testing/reverse-keys";

function parsed(text: string, format: "yaml" | "csv") {
  const result = parseCatalog(text, format);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe("contentHash", () => {
  it("is a sha256 hex digest", () => {
    expect(contentHash(smallCatalog())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores key order and re-serialisation", () => {
    const catalog = smallCatalog();
    expect(Object.keys(reverseKeys(catalog))[0]).toBe("clauses");
    expect(contentHash(reverseKeys(catalog))).toBe(contentHash(catalog));
    expect(contentHash(parsed(exportCatalogYaml(catalog), "yaml"))).toBe(contentHash(catalog));
    expect(contentHash(parsed(exportCatalogCsv(catalog), "csv"))).toBe(contentHash(catalog));
  });

  it("ignores undefined properties and Unicode composition", () => {
    const catalog = smallCatalog();
    const decomposed = smallCatalog();
    decomposed.clauses[0]!.title.vi = catalog.clauses[0]!.title.vi!.normalize("NFD");
    decomposed.clauses[1]!.note = undefined;
    expect(decomposed.clauses[0]!.title.vi).not.toBe(catalog.clauses[0]!.title.vi);
    expect(contentHash(decomposed)).toBe(contentHash(catalog));
  });

  it("changes when a clause title changes", () => {
    const changed = smallCatalog();
    changed.clauses[1]!.title.en = "Strong cryptography";
    expect(contentHash(changed)).not.toBe(contentHash(smallCatalog()));
  });

  it("changes when clause order or a mapping's strength changes", () => {
    const reordered = smallCatalog();
    reordered.clauses.reverse();
    expect(contentHash(reordered)).not.toBe(contentHash(smallCatalog()));
    const set = smallMappingSet();
    set.mappings[1]!.strength = 5;
    expect(contentHash(set)).not.toBe(contentHash(smallMappingSet()));
  });
});
