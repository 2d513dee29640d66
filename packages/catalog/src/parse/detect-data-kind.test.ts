import { describe, expect, it } from "vitest";
import { exportRiskListCsv } from "../export/export-risk-list-csv";
import { PUBLISHED_RISK_LIST_YAML } from "../testing/risk-list-fixtures";
import { dataFormatOf, detectDataKind } from "./detect-data-kind";
import { parseRiskList } from "./parse-risk-list";

describe("detectDataKind", () => {
  it.each(["catalog", "mapping-set", "timeline", "risk-list"])("recognises kind: %s in YAML, JSON and a CSV preamble", (kind) => {
    expect(detectDataKind(`kind: ${kind}\nid: x\n`, "yaml")).toBe(kind);
    expect(detectDataKind(JSON.stringify({ kind, id: "x" }), "json")).toBe(kind);
    expect(detectDataKind(`\uFEFF# kind: ${kind}\r\n# id: x\r\nid,riskClass\r\n`, "csv")).toBe(kind);
  });

  it("recognises the risk-list fixture and its CSV export", () => {
    expect(detectDataKind(PUBLISHED_RISK_LIST_YAML, "yaml")).toBe("risk-list");
    const list = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
    if (!list.ok) throw new Error("fixture invalid");
    expect(detectDataKind(exportRiskListCsv(list.value), "csv")).toBe("risk-list");
  });

  it("still names the kind of a file with a syntax error further down", () => {
    expect(detectDataKind("kind: risk-list\nentries: [oops\n", "yaml")).toBe("risk-list");
  });

  it("returns undefined for an unknown or missing kind", () => {
    expect(detectDataKind("kind: risk_list\n", "yaml")).toBeUndefined();
    expect(detectDataKind("id: x\n", "yaml")).toBeUndefined();
    expect(detectDataKind("[1, 2]", "json")).toBeUndefined();
  });

  it("takes the format from the file name", () => {
    expect(["a.yaml", "a.YML", "a.json", "a.csv", "a.txt"].map(dataFormatOf)).toEqual(["yaml", "yaml", "json", "csv", undefined]);
  });
});
