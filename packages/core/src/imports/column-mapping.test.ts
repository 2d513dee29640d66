import { describe, expect, it } from "vitest";
import { SKU_SHEET_COLUMNS } from "../skus/sku-sheet-layout";
import { applyColumnMapping, guessColumnMapping, savedMappingOf } from "./column-mapping";
import type { ImportTable } from "./read-import-table";

// An importer's ERP export, as it arrived: its own names, Vietnamese headers, extra columns.
const ERP_HEADER = ["STT", "Mã hàng", "Tên hàng", "Hãng", "Hãng sản xuất", "Made in", "HS", "FW version", "FW release date", "Giá nhập (VND)", ""];

const table = (header: string[], rows: string[][] = []): ImportTable => ({ headerLine: 1, header, rows: rows.map((cells, i) => ({ line: i + 2, cells })), strictFieldCount: false });

describe("guessing which column is which", () => {
  it("recognises synonyms in Vietnamese and English and leaves unknown columns unmapped", () => {
    expect(guessColumnMapping(ERP_HEADER, SKU_SHEET_COLUMNS)).toEqual([
      null,
      "modelCode",
      "description",
      "brand",
      "manufacturer",
      "countryOfOrigin",
      "hsCode",
      "firmwareVersion",
      "firmwareReleaseDate",
      null,
      null,
    ]);
  });

  it("maps a field once: a second column with the same meaning stays unmapped", () => {
    expect(guessColumnMapping(["Model", "Mã model", "Brand"], SKU_SHEET_COLUMNS)).toEqual(["modelCode", null, "brand"]);
  });

  it("never offers export-only columns for import", () => {
    expect(guessColumnMapping(["Phân loại theo danh mục Bộ Công an (listRiskClass)"], SKU_SHEET_COLUMNS)).toEqual([null]);
  });

  it("prefers what the organization confirmed last time, including columns it chose to ignore", () => {
    const header = ["Mã hàng", "Tên hàng", "Ghi chú nội bộ"];
    const saved = savedMappingOf(header, ["modelCode", null, "description"]);
    expect(guessColumnMapping(header, SKU_SHEET_COLUMNS, saved)).toEqual(["modelCode", null, "description"]);
    // Headers are matched loosely: case, accents and spacing do not matter.
    expect(guessColumnMapping(["MA HANG", "ten hang", "Ghi chu  noi bo"], SKU_SHEET_COLUMNS, saved)).toEqual(["modelCode", null, "description"]);
    // A remembered field that no longer exists falls back to the guess.
    expect(guessColumnMapping(["Hãng"], SKU_SHEET_COLUMNS, { hang: "retiredField" })).toEqual(["brand"]);
  });

  it("keeps earlier remembered headers when a new file adds its own", () => {
    const first = savedMappingOf(["Mã hàng"], ["modelCode"]);
    const second = savedMappingOf(["Item"], ["modelCode"], first);
    expect(second).toEqual({ mahang: "modelCode", item: "modelCode" });
  });
});

describe("applying a mapping", () => {
  it("reports unmapped columns with data as ignored, and skips empty ones silently", () => {
    const t = table(["Mã model", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Giá", "Trống"], [["A", "B", "C", "VN", "100", ""]]);
    const result = applyColumnMapping(t, SKU_SHEET_COLUMNS, ["modelCode", "brand", "manufacturer", "countryOfOrigin", null, null]);
    expect(result.issues).toEqual([]);
    expect(result.ignored).toEqual([{ index: 4, header: "Giá", cell: "E1" }]);
    expect([...result.indexOf.entries()]).toEqual([
      ["modelCode", 0],
      ["brand", 1],
      ["manufacturer", 2],
      ["countryOfOrigin", 3],
    ]);
  });

  it("refuses a mapping that does not fit the file, names an unknown field, or leaves a required field out", () => {
    const t = table(["a", "b"]);
    expect(applyColumnMapping(t, SKU_SHEET_COLUMNS, ["modelCode"]).issues[0]).toMatchObject({ code: "mapping_mismatch", params: { columns: 2, mapped: 1 } });
    expect(applyColumnMapping(t, SKU_SHEET_COLUMNS, ["modelCode", "price"]).issues[0]).toMatchObject({ code: "unknown_field", cell: "B1", params: { field: "price" } });
    expect(applyColumnMapping(t, SKU_SHEET_COLUMNS, ["modelCode", "listRiskClass"]).issues[0]).toMatchObject({ code: "unknown_field" });
    const missing = applyColumnMapping(t, SKU_SHEET_COLUMNS, ["modelCode", null]).issues.filter((i) => i.code === "missing_column");
    expect(missing.map((i) => i.column)).toEqual(["brand", "manufacturer", "countryOfOrigin"]);
  });
});
