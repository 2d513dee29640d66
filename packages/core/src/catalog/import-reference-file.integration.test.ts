// Platform-admin uploads: exports import back as the same version, invalid files are refused with
// every problem on its line and write nothing, and only platform admins may import.
import {
  exportCatalogCsv,
  exportCatalogYaml,
  exportMappingSetCsv,
  exportMappingSetYaml,
  exportTimelineYaml,
  parseCatalog,
  parseMappingSet,
  type ParseError,
} from "@hopquy/catalog";
import { loadShippedData } from "@hopquy/catalog/shipped";
import { createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { exportCatalogVersion, exportMappingSet } from "./export-reference-data";
import { countReferenceRows, importReferenceFile } from "./import-reference-file";
import { loadShippedReferenceData } from "./load-shipped-reference-data";
import {
  createPlatformAdmin,
  expectAppError,
  freshCatalog,
  latestCatalogVersion,
  latestMappingSet,
  lineContaining,
  QCVN_11,
  QCVN_135,
  rowsOfMappingSet,
  rowsOfRegulation,
  shippedMappingSet,
  uniqueMappingSetId,
  uniqueRegulation,
} from "./testing/catalog-fixtures";

const shipped = loadShippedData();
const QCVN_135_TO_11 = "qcvn-135-2024--qcvn-11-2026-provisional-1";

let admin: Awaited<ReturnType<typeof createPlatformAdmin>>;
beforeAll(async () => {
  await loadShippedReferenceData();
  admin = await createPlatformAdmin();
});

/** Imports a file that must be refused; checks that no catalog or mapping-set row was written. */
async function expectRefused(file: { fileName: string; text: string }): Promise<ParseError[]> {
  const before = await countReferenceRows();
  const result = await importReferenceFile(admin, file);
  expect(await countReferenceRows()).toEqual(before);
  if (result.ok) throw new Error(`expected ${file.fileName} to be refused, got ${JSON.stringify(result)}`);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

const replaceLine = (text: string, needle: string, edit: (line: string) => string) => {
  const lines = text.split("\r\n");
  const index = lineContaining(text, needle) - 1;
  lines[index] = edit(lines[index]!);
  return lines.join("\r\n");
};

describe("export -> import round trip", () => {
  it.each(shipped.catalogs.map((c) => [`${c.regulation} ${c.version}`, c] as const))("catalog %s, YAML and CSV: the same version", async (_label, catalog) => {
    const version = await latestCatalogVersion(catalog);
    for (const format of ["yaml", "csv"] as const) {
      const file = await exportCatalogVersion(version.id, format);
      expect(file.fileName.endsWith(`.${format}`)).toBe(true);
      const parsed = parseCatalog(file.body, format);
      expect(parsed.ok && parsed.value).toEqual(version.document);

      const result = await importReferenceFile(admin, { fileName: file.fileName, text: file.body });
      expect(result, format).toEqual({
        ok: true,
        kind: "catalog",
        id: version.id,
        label: `${catalog.regulation} ${catalog.version}`,
        revision: version.revision,
        created: false,
      });
    }
  });

  it.each(shipped.mappingSets.map((s) => [s.id] as const))("mapping set %s, YAML and CSV: the same version", async (key) => {
    const set = await latestMappingSet(key);
    for (const format of ["yaml", "csv"] as const) {
      const file = await exportMappingSet(set.id, format);
      const parsed = parseMappingSet(file.body, format);
      expect(parsed.ok && parsed.value).toEqual(set.document);

      const result = await importReferenceFile(admin, { fileName: file.fileName, text: file.body });
      expect(result, format).toEqual({ ok: true, kind: "mapping-set", id: set.id, label: key, revision: set.revision, created: false });
    }
  });

  it("a file that differs only in Unicode composition (NFD Vietnamese) is the same version", async () => {
    const version = await latestCatalogVersion(QCVN_135);
    const { body } = await exportCatalogVersion(version.id, "yaml");
    const decomposed = body.normalize("NFD");
    expect(decomposed).not.toBe(body);
    const result = await importReferenceFile(admin, { fileName: "qcvn135-nfd.yaml", text: decomposed });
    expect(result).toMatchObject({ ok: true, id: version.id, created: false });
  });

  it("the shipped timeline imports as the loaded timeline", async () => {
    const result = await importReferenceFile(admin, { fileName: "timeline.yaml", text: exportTimelineYaml(shipped.timeline) });
    expect(result).toMatchObject({ ok: true, kind: "timeline", label: shipped.timeline.id, created: false });
  });

  it("a new catalog imported as CSV, then as YAML and JSON, is one version", async () => {
    const catalog = freshCatalog();
    const first = await importReferenceFile(admin, { fileName: "new.csv", text: exportCatalogCsv(catalog) });
    expect(first).toMatchObject({ ok: true, kind: "catalog", revision: 1, created: true });
    const asYaml = await importReferenceFile(admin, { fileName: "new.yaml", text: exportCatalogYaml(catalog) });
    // As saved by editors that start UTF-8 files with a byte order mark.
    const asJson = await importReferenceFile(admin, { fileName: "new.json", text: `\uFEFF${JSON.stringify(catalog, null, 2)}` });
    expect([asYaml, asJson]).toEqual([
      { ...first, created: false },
      { ...first, created: false },
    ]);
    const stored = await latestCatalogVersion(catalog);
    expect(stored).toMatchObject({ origin: "imported", fileName: "new.csv", importedById: admin.id, importedByEmail: admin.email });
    expect(await rowsOfRegulation(catalog.regulation)).toMatchObject({ versions: 1, clauses: catalog.clauses.length });
  });
});

describe("invalid files are refused with their lines and write nothing", () => {
  it("a YAML catalog with an unknown status and a duplicate clause code: both errors, on their lines", async () => {
    const catalog = freshCatalog();
    const valid = exportCatalogYaml(catalog);
    const statusLine = lineContaining(valid, "status: M", lineContaining(valid, "  - code: 2.1.3"));
    const duplicateLine = lineContaining(valid, "  - code: 2.1.2");
    const lines = valid.split("\n");
    lines[statusLine - 1] = lines[statusLine - 1]!.replace("status: M", "status: Mandatory");
    lines[duplicateLine - 1] = lines[duplicateLine - 1]!.replace("2.1.2", "2.1.1");
    const text = lines.join("\n");

    const errors = await expectRefused({ fileName: "broken.yaml", text });
    expect(errors).toEqual([
      expect.objectContaining({ line: duplicateLine, path: "clauses[1].code", message: expect.stringMatching(/2\.1\.1/) }),
      expect.objectContaining({ line: statusLine, path: "clauses[2].status" }),
    ]);
    expect(await rowsOfRegulation(catalog.regulation)).toEqual({ versions: 0, groups: 0, clauses: 0 });
  });

  it("a CSV catalog row with an extra field: error on that row's line", async () => {
    const catalog = freshCatalog();
    const text = replaceLine(exportCatalogCsv(catalog), ",2.1.3,", (line) => `${line},extra`);
    const errors = await expectRefused({ fileName: "broken.csv", text });
    expect(errors).toEqual([expect.objectContaining({ line: lineContaining(text, ",2.1.3,"), message: expect.stringMatching(/expected 24 fields.*found 25/) })]);
    expect((await rowsOfRegulation(catalog.regulation)).versions).toBe(0);
  });

  it("a CSV catalog with an unclosed quote: error on the line where the quote opens", async () => {
    const catalog = freshCatalog();
    const last = catalog.clauses.at(-1)!.code;
    const text = replaceLine(exportCatalogCsv(catalog), `,${last},`, (line) => line.replace(/"$/, ""));
    const errors = await expectRefused({ fileName: "broken.csv", text });
    expect(errors).toContainEqual(expect.objectContaining({ line: lineContaining(text, `,${last},`), message: expect.stringMatching(/unclosed/) }));
    expect((await rowsOfRegulation(catalog.regulation)).versions).toBe(0);
  });

  it("a mapping set naming an unknown target clause: error on that mapping's target line", async () => {
    const set = { ...shippedMappingSet(QCVN_135_TO_11), id: uniqueMappingSetId() };
    const valid = exportMappingSetYaml(set);
    const targetLine = lineContaining(valid, "target: HQ11-G02-01");
    const text = valid.replace("target: HQ11-G02-01", "target: HQ11-G02-99");
    const index = set.mappings.findIndex((m) => m.target === "HQ11-G02-01");

    const errors = await expectRefused({ fileName: "broken-set.yaml", text });
    expect(errors).toEqual([{ line: targetLine, path: `mappings[${index}].target`, message: 'unknown target clause "HQ11-G02-99"' }]);
    expect(await rowsOfMappingSet(set.id)).toEqual({ sets: 0, mappings: 0 });
  });

  it("a CSV mapping set naming an unknown target clause: error on that mapping's row", async () => {
    const set = { ...shippedMappingSet(QCVN_135_TO_11), id: uniqueMappingSetId() };
    const text = exportMappingSetCsv(set).replace(",HQ11-G02-01,", ",HQ11-G02-99,");
    const index = set.mappings.findIndex((m) => m.target === "HQ11-G02-01");

    const errors = await expectRefused({ fileName: "broken-set.csv", text });
    expect(errors).toEqual([expect.objectContaining({ line: lineContaining(text, ",HQ11-G02-99,"), path: `mappings[${index}].target` })]);
    expect(await rowsOfMappingSet(set.id)).toEqual({ sets: 0, mappings: 0 });
  });

  it("a mapping set naming catalog versions that do not exist: errors on sourceCatalog and targetCatalog", async () => {
    const set = {
      ...shippedMappingSet(QCVN_135_TO_11),
      id: uniqueMappingSetId(),
      sourceCatalog: { regulation: uniqueRegulation(), version: "2024" },
      targetCatalog: { ...QCVN_11, version: "2099" },
    };
    const text = exportMappingSetYaml(set);
    const errors = await expectRefused({ fileName: "orphan-set.yaml", text });
    expect(errors).toEqual([
      expect.objectContaining({ line: lineContaining(text, "sourceCatalog:"), path: "sourceCatalog" }),
      expect.objectContaining({ line: lineContaining(text, "targetCatalog:"), path: "targetCatalog" }),
    ]);
    expect(await rowsOfMappingSet(set.id)).toEqual({ sets: 0, mappings: 0 });
  });

  it("a YAML syntax error further down the file: reported on its line, not as a file of unknown kind", async () => {
    const valid = exportCatalogYaml(freshCatalog());
    const brokenLine = lineContaining(valid, "  - code: 2.3.1");
    const lines = valid.split("\n");
    lines[brokenLine - 1] = "  - code: 2.3.1: x";
    const errors = await expectRefused({ fileName: "broken.yaml", text: lines.join("\n") });
    expect(errors).toEqual([{ line: brokenLine, path: "(root)", message: "YAML syntax: Nested mappings are not allowed in compact mappings" }]);
  });

  it("a JSON syntax error: reported on its line", async () => {
    const lines = JSON.stringify(freshCatalog(), null, 2).split("\n");
    const brokenLine = lines.findIndex((line) => line.includes('"codeScheme"')) + 1;
    lines[brokenLine - 1] = lines[brokenLine - 1]!.replace('"codeScheme"', "codeScheme");
    const errors = await expectRefused({ fileName: "broken.json", text: lines.join("\n") });
    expect(errors).toEqual([expect.objectContaining({ line: brokenLine, message: expect.stringMatching(/^JSON syntax/) })]);
  });

  it.each([
    ["an empty file", "empty.yaml", "  \n\n", /empty/],
    ["an unknown extension", "catalog.txt", exportCatalogYaml(freshCatalog()), /unsupported file type/],
    ["a file without kind", "catalog.yaml", exportCatalogYaml(freshCatalog()).replace(/^kind: catalog\n/, ""), /kind: catalog \| mapping-set \| risk-list \| timeline/],
    ["a timeline as CSV", "timeline.csv", `# kind: timeline\n# id: x\nid\n1\n`, /no CSV layout/],
  ])("%s", async (_label, fileName, text, message) => {
    const errors = await expectRefused({ fileName, text });
    expect(errors).toEqual([{ line: 1, path: "(root)", message: expect.stringMatching(message) }]);
  });
});

describe("who may import", () => {
  it("a user who is not a platform admin is FORBIDDEN and nothing is written", async () => {
    const user = await createTestUser();
    const catalog = freshCatalog();
    const before = await countReferenceRows();
    await expectAppError(importReferenceFile(user, { fileName: "catalog.yaml", text: exportCatalogYaml(catalog) }), "FORBIDDEN");
    expect(await countReferenceRows()).toEqual(before);
    expect(await rowsOfRegulation(catalog.regulation)).toEqual({ versions: 0, groups: 0, clauses: 0 });
  });
});
