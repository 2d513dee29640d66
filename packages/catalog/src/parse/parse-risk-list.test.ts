import { describe, expect, it } from "vitest";
import { exportRiskListCsv } from "../export/export-risk-list-csv";
import type { RiskList } from "../schema/risk-list-schema";
import { PUBLISHED_RISK_LIST_YAML } from "../testing/risk-list-fixtures";
import { parseRiskList } from "./parse-risk-list";
import { errorsOf, lineContaining } from "../testing/parse-assertions";

function published(): RiskList {
  const result = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe("parseRiskList (JSON)", () => {
  it("parses the same list from JSON", () => {
    expect(parseRiskList(JSON.stringify(published(), null, 2), "json")).toEqual({ ok: true, value: published() });
  });

  it("reports consistency errors on the JSON line", () => {
    const list = published() as unknown as { entries: Record<string, unknown>[] };
    list.entries[2]!.id = "hs-8525-89";
    const text = JSON.stringify(list, null, 2);
    expect(errorsOf(parseRiskList(text, "json"))).toEqual([
      expect.objectContaining({ path: "entries[2].id", line: lineContaining(text, '"id": "hs-8525-89"', lineContaining(text, '"8525.81"')) }),
    ]);
  });
});

describe("parseRiskList (CSV)", () => {
  const csv = exportRiskListCsv(published());

  it("reads the preamble (header and obligations) and one entry per row", () => {
    expect(csv.startsWith("\uFEFF# kind: risk-list\r\n")).toBe(true);
    expect(csv).toContain("\r\nid,hsCodePrefix,category,riskClass,title_vi,title_en,source\r\nhs-8525-89,8525.89,,medium,");
    expect(parseRiskList(csv, "csv")).toEqual({ ok: true, value: published() });
  });

  it("keeps an HS code's trailing zero: a cell is text", () => {
    const text = csv.replace("hs-8525-89,8525.89,", "hs-8525-89,8525.10,");
    const result = parseRiskList(text, "csv");
    expect(result.ok && result.value.entries[0]?.hsCodePrefix).toBe("8525.10");
  });

  it("accepts columns in any order and reads a hand-written sheet with LF line ends", () => {
    const preamble = csv.slice(1, csv.indexOf("id,hsCodePrefix")).replaceAll("\r\n", "\n");
    const sheet = `${preamble}riskClass,id,hsCodePrefix,category\nmedium,hs-8525-89,8525.89,\nhigh,hs-8525-81,8525.81,\nlow,baby-monitor,,baby-monitor\n`;
    const result = parseRiskList(sheet, "csv");
    expect(result.ok && result.value.entries.map((e) => `${e.id}:${e.riskClass}`)).toEqual(["hs-8525-89:medium", "hs-8525-81:high", "baby-monitor:low"]);
  });

  it("reports bad cells with their record line and column", () => {
    const broken = csv.replace("hs-8525-81,8525.81,,high,", "hs-8525-81,85x5,,high,").replace("baby-monitor,,baby-monitor,low,", "baby-monitor,,Baby Monitor,lowest,");
    expect(errorsOf(parseRiskList(broken, "csv"))).toEqual([
      // low has obligations in the preamble, and no entry is low any more.
      expect.objectContaining({ path: "obligations[2].riskClass", line: lineContaining(broken, "#   - riskClass: low") }),
      expect.objectContaining({ path: "entries[1].hsCodePrefix", column: "hsCodePrefix", line: lineContaining(broken, "hs-8525-81,") }),
      expect.objectContaining({ path: "entries[2].category", column: "category", line: lineContaining(broken, "Baby Monitor") }),
      expect.objectContaining({ path: "entries[2].riskClass", column: "riskClass", line: lineContaining(broken, "Baby Monitor") }),
    ]);
  });

  it("reports consistency errors on the row: duplicate ids and HS prefixes, unknown source, no key", () => {
    const broken = csv
      .replace("hs-8525-81,8525.81,,high,", "hs-8525-89,852589,,high,")
      .replace("baby-monitor,,baby-monitor,low,Thiết bị giám sát trẻ em,Baby monitors,", "baby-monitor,,,low,Thiết bị giám sát trẻ em,Baby monitors,annex");
    const row2 = lineContaining(broken, "hs-8525-89,852589");
    const row3 = lineContaining(broken, "baby-monitor,,,low");
    expect(errorsOf(parseRiskList(broken, "csv")).map((e) => [e.line, e.path, e.column])).toEqual([
      [row2, "entries[1].id", "id"],
      [row2, "entries[1].hsCodePrefix", "hsCodePrefix"],
      [row3, "entries[2].source", "source"],
      [row3, "entries[2]", undefined],
    ]);
  });

  it("reports preamble errors on the file line of the comment", () => {
    const broken = csv.replace("gracePeriodDays: 180", "gracePeriodDays: half a year").replace("# status: published", "# status: final");
    expect(errorsOf(parseRiskList(broken, "csv")).map((e) => [e.line, e.path])).toEqual([
      [lineContaining(broken, "# status: final"), "status"],
      [lineContaining(broken, "gracePeriodDays: half a year"), "obligations[0].gracePeriodDays"],
    ]);
  });

  it("refuses entries in the preamble, unknown and missing columns, and short rows", () => {
    const withEntries = csv.replace("# obligations:", "# entries: []\r\n# obligations:");
    expect(errorsOf(parseRiskList(withEntries, "csv"))).toContainEqual(
      expect.objectContaining({ path: "entries", line: lineContaining(withEntries, "# entries: []"), message: '"entries" come from the CSV rows, not from the preamble' }),
    );
    const badHeader = csv.replace("id,hsCodePrefix,category,riskClass,", "id,hs_code,category,tier,");
    const headerLine = lineContaining(badHeader, "id,hs_code");
    expect(errorsOf(parseRiskList(badHeader, "csv"))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: headerLine, column: "hs_code", message: 'unknown column "hs_code"' }),
        expect.objectContaining({ line: headerLine, column: "riskClass", message: 'missing column "riskClass"' }),
      ]),
    );
    const shortRow = csv.replace("hs-8525-81,8525.81,,high,", "hs-8525-81,8525.81,high,");
    expect(errorsOf(parseRiskList(shortRow, "csv"))).toContainEqual(
      expect.objectContaining({ line: lineContaining(shortRow, "hs-8525-81,"), message: expect.stringMatching(/expected 7 fields.*found 6/) }),
    );
  });

  it("reads an unpublished list as a preamble and a header row without entries", () => {
    const unpublished = csv
      .replace("# status: published", "# status: not_published")
      .replace(/# obligations:[\s\S]*?(?=id,hsCodePrefix)/, "# obligations: []\r\n")
      .replace(/(id,hsCodePrefix,category,riskClass,title_vi,title_en,source\r\n)[\s\S]*$/, "$1");
    expect(parseRiskList(unpublished, "csv")).toMatchObject({ ok: true, value: { status: "not_published", entries: [], obligations: [] } });
  });
});
