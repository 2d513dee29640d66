import { describe, expect, it } from "vitest";
import { guessColumnMapping } from "../imports/column-mapping";
import type { ImportTable } from "../imports/read-import-table";
import { validateSkuRows, type SkuRowOptions } from "./import-validate-rows";
import { SKU_SHEET_COLUMNS } from "./sku-sheet-layout";

const HEADER = ["Mã model", "Phiên bản phần cứng", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Mã HS", "Dòng sản phẩm", "Phân loại rủi ro", "Sử dụng mật khẩu (passwordsUsed)"];
const good = (modelCode: string, overrides: Partial<Record<number, string>> = {}) => {
  const cells = [modelCode, "", "HopCam", "Công ty TNHH Camera Việt", "vn", "8525.89.90", "Camera trong nhà", "Trung bình", "có"];
  for (const [index, value] of Object.entries(overrides)) cells[Number(index)] = value!;
  return cells;
};
const table = (rows: string[][], header = HEADER, strictFieldCount = false): ImportTable => ({
  headerLine: 1,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  strictFieldCount,
});
// As the wizard would offer it: every column guessed from its header.
const validate = (t: ImportTable, options: SkuRowOptions) => validateSkuRows(t, guessColumnMapping(t.header, SKU_SHEET_COLUMNS), options);
const brief = (issues: { line: number; code: string; cell?: string }[]) => issues.map((i) => [i.line, i.cell ?? "", i.code]);

describe("validating SKU rows", () => {
  it("turns a good row into the same input createSku would get", () => {
    const result = validate(table([good("DS-2CD1023G0-I")]), { canArchive: false });
    expect(result.fileIssues).toEqual([]);
    expect(result.rowIssues).toEqual([]);
    expect(result.candidates).toHaveLength(1);
    const [candidate] = result.candidates;
    expect(candidate).toMatchObject({
      line: 2,
      familyName: "Camera trong nhà",
      archived: false,
      input: { modelCode: "DS-2CD1023G0-I", hardwareRevision: "", countryOfOrigin: "VN", hsCode: "8525.89.90", riskClass: "medium", importer: undefined },
    });
    expect(candidate?.input.capabilities.passwordsUsed).toBe(true);
    expect(candidate?.input.capabilities.telemetryCollected).toBeNull();
  });

  it("reports every bad cell with its line, cell and reason; a blank required cell is just 'required'", () => {
    const rows = [good("OK-1"), good("../etc", { 2: "", 4: "Vietnam", 5: "85-25", 7: "extreme", 8: "maybe" }), good("OK-2")];
    const result = validate(table(rows), { canArchive: false });
    expect(brief(result.rowIssues)).toEqual([
      [3, "I3", "invalid_yes_no"],
      [3, "A3", "invalid_model_code"],
      [3, "C3", "required"],
      [3, "E3", "invalid_country"],
      [3, "F3", "invalid_hs_code"],
      [3, "H3", "invalid_risk_class"],
    ]);
    expect(result.rowIssues.find((i) => i.cell === "C3")).toMatchObject({ column: "brand", header: "Nhãn hiệu" });
    expect(result.candidates.map((c) => c.input.modelCode)).toEqual(["OK-1", "OK-2"]);
  });

  it("imports the first occurrence of a model code + revision and reports each later one against it", () => {
    const rows = [good("CAM-1"), good("CAM-2"), good(" CAM-1 "), good("CAM-1", { 1: "B" }), good("CAM-1", { 2: "" })];
    const result = validate(table(rows), { canArchive: false });
    const duplicates = result.rowIssues.filter((i) => i.code === "duplicate_in_file");
    expect(duplicates.map((i) => [i.line, i.params?.firstLine])).toEqual([
      [4, 2],
      [6, 2],
    ]);
    expect(result.candidates.map((c) => `${c.input.modelCode}/${c.input.hardwareRevision}@${c.line}`)).toEqual(["CAM-1/@2", "CAM-2/@3", "CAM-1/B@5"]);
  });

  it("merges a repeated identical row into the first when asked, and still rejects a conflicting one", () => {
    const rows = [good("CAM-1"), good("CAM-1"), good("CAM-1", { 2: "OtherBrand" })];
    const result = validate(table(rows), { canArchive: false, mergeIdenticalDuplicates: true });
    expect(result.rowIssues.map((i) => [i.line, i.code, i.severity ?? "error", i.params?.firstLine])).toEqual([
      [3, "duplicate_merged", "warning", 2],
      [4, "duplicate_in_file", "error", 2],
    ]);
    expect(result.candidates.map((c) => c.line)).toEqual([2]);
  });

  it("ignores columns nobody mapped (reported, never fatal) and treats a field mapped twice or a required field unmapped as file problems", () => {
    const unknown = validate(table([[...good("A"), "12"]], [...HEADER, "Giá bán"]), { canArchive: false });
    expect(unknown.fileIssues).toEqual([]);
    expect(unknown.ignored).toEqual([{ header: "Giá bán", cell: "J1" }]);
    expect(unknown.candidates).toHaveLength(1);

    const unnamed = validate(table([good("A"), [...good("B"), "x"]], [...HEADER, ""]), { canArchive: false });
    expect(unnamed.fileIssues).toEqual([]);
    expect(unnamed.ignored).toEqual([{ header: "", cell: "J1" }]);

    // A guess never maps two columns to one field; a user's mapping can, and is told.
    const twice = table([[...good("A"), "HopCam"]], [...HEADER, "brand"]);
    expect(validate(twice, { canArchive: false }).fileIssues).toEqual([]);
    const mapping = [...guessColumnMapping(twice.header, SKU_SHEET_COLUMNS).slice(0, HEADER.length), "brand"];
    expect(validateSkuRows(twice, mapping, { canArchive: false }).fileIssues).toMatchObject([{ code: "duplicate_column", column: "brand", header: "brand", params: { other: "Nhãn hiệu" } }]);

    const missing = validate(table([["A", "HopCam"]], ["modelCode", "brand"]), { canArchive: false });
    expect(missing.fileIssues.map((i) => i.column)).toEqual(["manufacturer", "countryOfOrigin"]);
  });

  it("reads the firmware a row ships with; impossible versions and dates are row errors", () => {
    const header = [...HEADER, "Firmware version", "Ngày phát hành firmware"];
    const rows = [
      [...good("A"), "V5.7.3 build 240115", "15/01/2024"],
      [...good("B"), "2.800.0000000.5.R", "45306"],
      [...good("C"), "", ""],
      [...good("D"), "N/A", "2024-01-15"],
      [...good("E"), "V1.0", "31/02/2024"],
      [...good("F"), "", "2024-01-15"],
    ];
    const result = validate(table(rows, header), { canArchive: false });
    expect(brief(result.rowIssues)).toEqual([
      [5, "J5", "invalid_firmware_version"],
      [6, "K6", "invalid_date"],
      [7, "K7", "release_date_without_firmware"],
    ]);
    expect(result.candidates.map((c) => [c.input.modelCode, c.firmware])).toEqual([
      ["A", { version: "V5.7.3 build 240115", releaseDate: "2024-01-15" }],
      ["B", { version: "2.800.0000000.5.R", releaseDate: "2024-01-15" }],
      ["C", undefined],
    ]);
  });

  it("catches shifted CSV rows: too few fields, or values beyond the last header", () => {
    const rows = [good("A").slice(0, 5), [...good("B"), "", ""], [...good("C"), "", "stray"]];
    const result = validate(table(rows, HEADER, true), { canArchive: false });
    expect(brief(result.rowIssues.filter((i) => i.code !== "required"))).toEqual([
      [2, "", "field_count"],
      [4, "K4", "cell_without_header"],
    ]);
    expect(result.candidates.map((c) => c.input.modelCode)).toEqual(["B"]);
  });

  it("lets only those who may archive import archived SKUs", () => {
    const header = [...HEADER, "Đã lưu trữ"];
    const rows = [[...good("A"), "có"], [...good("B"), "không"], [...good("C"), "perhaps"]];
    expect(brief(validate(table(rows, header), { canArchive: false }).rowIssues)).toEqual([
      [2, "J2", "archive_not_allowed"],
      [4, "J4", "invalid_yes_no"],
    ]);
    const allowed = validate(table(rows, header), { canArchive: true });
    expect(allowed.candidates.map((c) => [c.input.modelCode, c.archived])).toEqual([
      ["A", true],
      ["B", false],
    ]);
  });

  it("checks family names like the family form does", () => {
    const result = validate(table([good("A", { 6: "x".repeat(121) })]), { canArchive: false });
    expect(brief(result.rowIssues)).toEqual([[2, "G2", "too_long"]]);
  });
});
