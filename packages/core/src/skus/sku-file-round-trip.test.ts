// A SKU file written the way the export writes it (headers "Mã model (modelCode)", formula-escaped
// cells, a BOM) reads back as the same records, whatever the text, and row order changes nothing.
import { serializeCsv } from "@hopquy/catalog";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessColumnMapping } from "../imports/column-mapping";
import { readImportTable } from "../imports/read-import-table";
import { validateSkuRows } from "./import-validate-rows";
import { escapeFormula, headerLabel, SKU_SHEET_COLUMNS } from "./sku-sheet-layout";

const COLUMNS = ["modelCode", "hardwareRevision", "brand", "manufacturer", "countryOfOrigin", "hsCode", "description", "firmwareVersion", "firmwareReleaseDate"] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

const word = fc.stringMatching(/^[A-Za-z0-9À-ỹ][A-Za-z0-9À-ỹ ,;"'=+@-]{0,20}$/).map((s) => s.trimEnd().normalize("NFC"));
const rowArb = fc.record<Row>({
  modelCode: fc.stringMatching(/^[A-Z0-9][A-Z0-9._/+-]{0,15}$/),
  hardwareRevision: fc.constantFrom("", "A", "02", "rev B"),
  brand: word,
  manufacturer: word,
  countryOfOrigin: fc.constantFrom("VN", "CN", "KR", "JP", "TW"),
  hsCode: fc.constantFrom("", "8525.89", "8525.89.90"),
  // Text that a spreadsheet would run as a formula survives the escape and its undoing.
  description: fc.oneof(fc.constant(""), word, word.map((w) => `=${w}`), word.map((w) => `@${w}`)),
  firmwareVersion: fc.constantFrom("", "V5.7.3 build 240115", "2.800.0000000.5.R", "1.0"),
  firmwareReleaseDate: fc.constantFrom("2024-01-15", "2025-06-30"),
});
const uniqueRows = fc.uniqueArray(rowArb, { minLength: 1, maxLength: 25, selector: (r) => `${r.modelCode}|${r.hardwareRevision.trim()}` });

async function readBack(rows: Row[]) {
  const columns = COLUMNS.map((key) => SKU_SHEET_COLUMNS.find((c) => c.key === key)!);
  // A release date only travels with a version, as the export writes it.
  const cells = rows.map((r) => COLUMNS.map((key) => (key === "firmwareReleaseDate" && !r.firmwareVersion ? "" : r[key])));
  const text = `\uFEFF${serializeCsv([columns.map(headerLabel), ...cells.map((row) => row.map(escapeFormula))])}`;
  const read = await readImportTable("export.csv", Buffer.from(text, "utf8"));
  expect(read.issues).toEqual([]);
  const result = validateSkuRows(read.table!, guessColumnMapping(read.table!.header, SKU_SHEET_COLUMNS), { canArchive: false });
  expect(result.fileIssues).toEqual([]);
  expect(result.rowIssues).toEqual([]);
  return result.candidates.map((c) => ({
    modelCode: c.input.modelCode,
    hardwareRevision: c.input.hardwareRevision,
    brand: c.input.brand,
    manufacturer: c.input.manufacturer,
    countryOfOrigin: c.input.countryOfOrigin,
    hsCode: c.input.hsCode ?? "",
    description: c.input.description ?? "",
    firmwareVersion: c.firmware?.version ?? "",
    firmwareReleaseDate: c.firmware?.releaseDate ?? "",
  }));
}

const normalized = (r: Row) => ({ ...r, hardwareRevision: r.hardwareRevision.trim(), brand: r.brand.trim(), manufacturer: r.manufacturer.trim(), description: r.description.trim(), firmwareReleaseDate: r.firmwareVersion ? r.firmwareReleaseDate : "" });
const byKey = (a: { modelCode: string; hardwareRevision: string }, b: { modelCode: string; hardwareRevision: string }) => `${a.modelCode}|${a.hardwareRevision}`.localeCompare(`${b.modelCode}|${b.hardwareRevision}`);

describe("a SKU file and its round trip", () => {
  it("reads back the records it was written from, quotes, formulas and Vietnamese included", async () => {
    await fc.assert(
      fc.asyncProperty(uniqueRows, async (rows) => {
        expect(await readBack(rows)).toEqual(rows.map(normalized));
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same records whatever the order of the rows", async () => {
    await fc.assert(
      fc.asyncProperty(uniqueRows, fc.integer({ min: 1, max: 1000 }), async (rows, seed) => {
        const shuffled = [...rows].sort((a, b) => ((a.modelCode.length * seed) % 7) - ((b.modelCode.length * seed) % 7) || byKey(b, a));
        expect((await readBack(shuffled)).sort(byKey)).toEqual((await readBack(rows)).sort(byKey));
      }),
      { numRuns: 40 },
    );
  });
});
