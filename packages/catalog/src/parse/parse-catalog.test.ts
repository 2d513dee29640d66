import { describe, expect, it } from "vitest";
import { exportCatalogCsv } from "../export/export-catalog-csv";
import { exportCatalogYaml } from "../export/export-catalog-yaml";
import { smallCatalog } from "../testing/fixtures";
import { parseCatalog } from "./parse-catalog";
import { errorsOf, lineContaining } from "../testing/parse-assertions";

const YAML_WITH_ERRORS = `kind: catalog
regulation: TEST_REG
version: "1"
title: { en: Test }
provisional: false
codeScheme: official
sources:
  - id: src
    citation: Hand-made
notes: []
groups:
  - code: "1"
    title: { en: Passwords }
    source: src
clauses:
  - code: "1.1"
    group: "1"
    title: { en: Unique passwords }
    status: M
    source: src
  - code: "1.2"
    group: "7"
    title: { en: Strong crypto }
    status: X
    colour: blue
    source: src
  - code: "1.1"
    group: "1"
    title: { en: Duplicate }
    source: src
`;

describe("parseCatalog (YAML)", () => {
  it("parses a valid catalog", () => {
    const result = parseCatalog(exportCatalogYaml(smallCatalog()), "yaml");
    expect(result).toEqual({ ok: true, value: smallCatalog() });
  });

  it("reports every problem with the line it is on", () => {
    const errors = errorsOf(parseCatalog(YAML_WITH_ERRORS, "yaml"));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.line]));
    expect(byPath["clauses[1].group"]).toBe(22);
    expect(byPath["clauses[1].status"]).toBe(24);
    expect(byPath["clauses[1].colour"]).toBe(25);
    expect(byPath["clauses[2].code"]).toBe(27);
    expect(errors).toHaveLength(4);
    expect(errors.map((e) => e.line)).toEqual([...errors.map((e) => e.line)].sort((a, b) => a - b));
  });

  it("points a missing key at its parent entry", () => {
    const text = YAML_WITH_ERRORS.replace('    source: src\n  - code: "1.1"\n    group: "1"\n    title: { en: Duplicate }', '  - code: "1.1"\n    group: "1"\n    title: { en: Duplicate }');
    const errors = errorsOf(parseCatalog(text, "yaml"));
    expect(errors).toContainEqual(expect.objectContaining({ path: "clauses[1].source", line: 21 }));
  });

  it("reports YAML syntax errors with their line", () => {
    const errors = errorsOf(parseCatalog("kind: catalog\nversion: [1, 2\nnotes: []\n", "yaml"));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/^YAML syntax/);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("reports a duplicate YAML key", () => {
    const errors = errorsOf(parseCatalog("kind: catalog\nkind: catalog\n", "yaml"));
    expect(errors[0]).toMatchObject({ line: 2 });
  });

  it("catches an unquoted group code that YAML reads as a number", () => {
    const text = exportCatalogYaml(smallCatalog()).replace('code: "2"', "code: 2.10");
    const errors = errorsOf(parseCatalog(text, "yaml"));
    expect(errors[0]).toMatchObject({ path: "groups[1].code", line: lineContaining(text, "code: 2.10") });
  });
});

describe("parseCatalog (JSON)", () => {
  it("parses valid JSON", () => {
    expect(parseCatalog(JSON.stringify(smallCatalog(), null, 2), "json")).toEqual({ ok: true, value: smallCatalog() });
  });

  it("reports several validation errors with their lines", () => {
    const catalog = smallCatalog() as unknown as { clauses: Record<string, unknown>[] };
    catalog.clauses[1]!.status = "mandatory";
    catalog.clauses[2]!.extra = true;
    const text = JSON.stringify(catalog, null, 2);
    const errors = errorsOf(parseCatalog(text, "json"));
    expect(errors).toEqual([
      expect.objectContaining({ path: "clauses[1].status", line: lineContaining(text, '"status": "mandatory"') }),
      expect.objectContaining({ path: "clauses[2].extra", line: lineContaining(text, '"extra": true') }),
    ]);
  });

  it("reports a JSON syntax error at its line", () => {
    const text = '{\n  "kind": "catalog",\n  "version": "1",\n  "notes": [1 2]\n}';
    const errors = errorsOf(parseCatalog(text, "json"));
    expect(errors).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/JSON syntax/) })]);
  });

  it("reports duplicate keys and unterminated strings", () => {
    expect(errorsOf(parseCatalog('{\n"kind": "catalog",\n"kind": "catalog"\n}', "json"))).toContainEqual(
      expect.objectContaining({ line: 3, message: 'duplicate key "kind"' }),
    );
    expect(errorsOf(parseCatalog('{\n"kind": "catal\n', "json"))[0]).toMatchObject({ line: 2, message: "JSON syntax: unterminated string" });
  });
});

describe("parseCatalog (CSV)", () => {
  const csv = exportCatalogCsv(smallCatalog());

  it("parses the exported CSV back to the same catalog", () => {
    expect(parseCatalog(csv, "csv")).toEqual({ ok: true, value: smallCatalog() });
  });

  it("reports several bad cells with their record line and column", () => {
    const broken = csv.replace("1.2,,Strong crypto,,,,M,", "1.2,,Strong crypto,,,,Q,").replace("M C (1),1,", "M C (1),one,");
    const errors = errorsOf(parseCatalog(broken, "csv"));
    expect(errors).toEqual([
      expect.objectContaining({ path: "clauses[0].conditions[0]", column: "conditions", line: lineContaining(broken, "1.1,Mật khẩu") }),
      expect.objectContaining({ path: "clauses[1].status", column: "status", line: lineContaining(broken, "1.2,,Strong") }),
    ]);
  });

  it("reports a row with the wrong number of fields, and goes on", () => {
    const broken = csv.replace("1.2,,Strong crypto,", "1.2,,Strong crypto,extra,");
    const errors = errorsOf(parseCatalog(broken, "csv"));
    expect(errors).toEqual([
      expect.objectContaining({ line: lineContaining(broken, "Strong crypto"), message: expect.stringMatching(/expected 24 fields.*found 25/) }),
    ]);
  });

  it("reports an unclosed quote at the line where it opens", () => {
    const withoutClose = csv.replace('second line"', "second line");
    const errors = errorsOf(parseCatalog(withoutClose, "csv"));
    expect(errors).toContainEqual(expect.objectContaining({ line: lineContaining(withoutClose, "2.1,"), message: expect.stringMatching(/unclosed/) }));
  });

  it("reports a group whose columns differ between its rows", () => {
    const broken = csv.replace("1,,Passwords,,,,src,,1.2", "1,,Passwrds,,,,src,,1.2");
    const errors = errorsOf(parseCatalog(broken, "csv"));
    expect(errors).toEqual([expect.objectContaining({ column: "group_title_en", line: lineContaining(broken, "Passwrds") })]);
  });

  it("reports unknown columns and preamble errors with file lines", () => {
    const broken = csv.replace("regulation: TEST_REG", "regulation: test reg").replace("group_code,", "grp,");
    const errors = errorsOf(parseCatalog(broken, "csv"));
    expect(errors).toContainEqual(expect.objectContaining({ path: "regulation", line: lineContaining(broken, "# regulation:") }));
    expect(errors).toContainEqual(expect.objectContaining({ message: 'unknown column "grp"', line: lineContaining(broken, "grp,") }));
  });
});
