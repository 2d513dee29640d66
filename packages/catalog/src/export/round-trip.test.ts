import { describe, expect, it } from "vitest";
import { parseCatalog } from "../parse/parse-catalog";
import { parseMappingSet } from "../parse/parse-mapping-set";
import { parseRiskList } from "../parse/parse-risk-list";
import { parseTimeline } from "../parse/parse-timeline";
import { loadShippedData } from "../shipped";
import { smallCatalog } from "../testing/fixtures";
import { reverseKeys } from "../testing/reverse-keys";
import { AMENDED_RISK_LIST_YAML, PUBLISHED_RISK_LIST_YAML } from "../testing/risk-list-fixtures";
import { exportCatalogCsv } from "./export-catalog-csv";
import { exportCatalogYaml } from "./export-catalog-yaml";
import { exportMappingSetCsv } from "./export-mapping-set-csv";
import { exportMappingSetYaml } from "./export-mapping-set-yaml";
import { exportRiskListCsv } from "./export-risk-list-csv";
import { exportRiskListYaml } from "./export-risk-list-yaml";
import { exportTimelineYaml } from "./export-timeline-yaml";

const data = loadShippedData();

function riskList(text: string) {
  const result = parseRiskList(text, "yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}
const riskLists = [...data.riskLists, riskList(PUBLISHED_RISK_LIST_YAML), riskList(AMENDED_RISK_LIST_YAML)];

describe("export -> parse round trip", () => {
  for (const catalog of data.catalogs) {
    const name = `${catalog.regulation}@${catalog.version}`;
    it(`${name} through YAML`, () => {
      expect(parseCatalog(exportCatalogYaml(catalog), "yaml")).toEqual({ ok: true, value: catalog });
    });
    it(`${name} through CSV`, () => {
      expect(parseCatalog(exportCatalogCsv(catalog), "csv")).toEqual({ ok: true, value: catalog });
    });
  }
  for (const set of data.mappingSets) {
    it(`${set.id} through YAML`, () => {
      expect(parseMappingSet(exportMappingSetYaml(set), "yaml")).toEqual({ ok: true, value: set });
    });
    it(`${set.id} through CSV`, () => {
      expect(parseMappingSet(exportMappingSetCsv(set), "csv")).toEqual({ ok: true, value: set });
    });
  }
  it("the timeline through YAML", () => {
    expect(parseTimeline(exportTimelineYaml(data.timeline), "yaml")).toEqual({ ok: true, value: data.timeline });
  });
  for (const list of riskLists) {
    it(`risk list ${list.id}@${list.version} through YAML and CSV`, () => {
      expect(parseRiskList(exportRiskListYaml(list), "yaml")).toEqual({ ok: true, value: list });
      expect(parseRiskList(exportRiskListCsv(list), "csv")).toEqual({ ok: true, value: list });
    });
  }
  it("a risk list's awkward titles survive CSV", () => {
    const list = riskList(PUBLISHED_RISK_LIST_YAML);
    list.entries[0]!.title = { vi: 'Camera "IP", loại khác', en: "line one\nline two" };
    expect(parseRiskList(exportRiskListCsv(list, { bom: false }), "csv")).toEqual({ ok: true, value: list });
  });
  it("awkward text (commas, quotes, line breaks, Vietnamese) survives CSV", () => {
    const catalog = smallCatalog();
    catalog.clauses[0]!.title.vi = 'Mật khẩu "duy nhất", mỗi thiết bị';
    catalog.clauses[0]!.summary = { en: "line one\r\nline two", vi: "# không phải chú thích" };
    expect(parseCatalog(exportCatalogCsv(catalog, { bom: false }), "csv")).toEqual({ ok: true, value: catalog });
  });
});

describe("export is deterministic", () => {
  it("does not depend on key order", () => {
    const catalog = data.catalogs[0]!;
    const set = data.mappingSets[0]!;
    expect(exportCatalogYaml(reverseKeys(catalog))).toBe(exportCatalogYaml(catalog));
    expect(exportCatalogCsv(reverseKeys(catalog))).toBe(exportCatalogCsv(catalog));
    expect(exportMappingSetYaml(reverseKeys(set))).toBe(exportMappingSetYaml(set));
    expect(exportMappingSetCsv(reverseKeys(set))).toBe(exportMappingSetCsv(set));
    const list = riskList(PUBLISHED_RISK_LIST_YAML);
    expect(exportRiskListYaml(reverseKeys(list))).toBe(exportRiskListYaml(list));
    expect(exportRiskListCsv(reverseKeys(list))).toBe(exportRiskListCsv(list));
  });

  it("writes a risk list in the documented order: header, entries, obligations", () => {
    const yaml = exportRiskListYaml(reverseKeys(riskList(PUBLISHED_RISK_LIST_YAML)));
    expect(yaml.startsWith("kind: risk-list\nid: mps-ip-camera-risk-list\nversion: test-published\n")).toBe(true);
    expect(yaml.indexOf("status: published")).toBeLessThan(yaml.indexOf("entries:"));
    expect(yaml.indexOf("entries:")).toBeLessThan(yaml.indexOf("obligations:"));
    expect(yaml).toContain("declarationRequired: yes\n");
  });

  it("writes the header first and keeps clause order", () => {
    const yaml = exportCatalogYaml(reverseKeys(smallCatalog()));
    expect(yaml.startsWith("kind: catalog\nregulation: TEST_REG\nversion: \"1\"\n")).toBe(true);
    expect(yaml.indexOf('code: "1.1"')).toBeLessThan(yaml.indexOf('code: "2.1"'));
  });

  it("starts CSV with a BOM unless asked not to", () => {
    expect(exportCatalogCsv(smallCatalog()).startsWith("\uFEFF# kind: catalog\r\n")).toBe(true);
    expect(exportCatalogCsv(smallCatalog(), { bom: false }).startsWith("# kind: catalog\r\n")).toBe(true);
  });
});
