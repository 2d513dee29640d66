import { describe, expect, it } from "vitest";
import type { SheetTable } from "./import-read-sheet";
import { validateSkuRows } from "./import-validate-rows";

const HEADER = ["Mã model", "Phiên bản phần cứng", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Mã HS", "Dòng sản phẩm", "Phân loại rủi ro", "Sử dụng mật khẩu (passwordsUsed)"];
const good = (modelCode: string, overrides: Partial<Record<number, string>> = {}) => {
  const cells = [modelCode, "", "HopCam", "Công ty TNHH Camera Việt", "vn", "8525.89.90", "Camera trong nhà", "Trung bình", "có"];
  for (const [index, value] of Object.entries(overrides)) cells[Number(index)] = value!;
  return cells;
};
const table = (rows: string[][], header = HEADER, strictFieldCount = false): SheetTable => ({
  headerLine: 1,
  header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  strictFieldCount,
});
const brief = (issues: { line: number; code: string; cell?: string }[]) => issues.map((i) => [i.line, i.cell ?? "", i.code]);

describe("validating SKU rows", () => {
  it("turns a good row into the same input createSku would get", () => {
    const result = validateSkuRows(table([good("DS-2CD1023G0-I")]), { canArchive: false });
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
    const result = validateSkuRows(table(rows), { canArchive: false });
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

  it("flags every line of a duplicate model code + revision, and neither is imported", () => {
    const rows = [good("CAM-1"), good("CAM-2"), good(" CAM-1 "), good("CAM-1", { 1: "B" }), good("CAM-1", { 2: "" })];
    const result = validateSkuRows(table(rows), { canArchive: false });
    const duplicates = result.rowIssues.filter((i) => i.code === "duplicate_in_file");
    expect(duplicates.map((i) => [i.line, i.params?.lines])).toEqual([
      [2, "2, 4, 6"],
      [4, "2, 4, 6"],
      [6, "2, 4, 6"],
    ]);
    expect(result.candidates.map((c) => `${c.input.modelCode}/${c.input.hardwareRevision}`)).toEqual(["CAM-2/", "CAM-1/B"]);
  });

  it("treats an unknown column with values, an unnamed column with values, a repeated or missing column as file problems", () => {
    const unknown = validateSkuRows(table([[...good("A"), "12"]], [...HEADER, "Giá bán"]), { canArchive: false });
    expect(unknown.fileIssues).toEqual([{ line: 1, code: "unknown_column", header: "Giá bán", cell: "J1" }]);
    expect(unknown.candidates).toEqual([]);

    const emptyUnknown = validateSkuRows(table([[...good("A"), ""]], [...HEADER, "Ghi chú"]), { canArchive: false });
    expect(emptyUnknown.fileIssues).toEqual([]);
    expect(emptyUnknown.candidates).toHaveLength(1);

    const unnamed = validateSkuRows(table([good("A"), [...good("B"), "x"]], [...HEADER, ""]), { canArchive: false });
    expect(unnamed.fileIssues).toEqual([{ line: 1, code: "unnamed_column", cell: "J1", params: { valueLine: 3 } }]);

    const repeated = validateSkuRows(table([[...good("A"), "HopCam"]], [...HEADER, "brand"]), { canArchive: false });
    expect(repeated.fileIssues).toMatchObject([{ code: "duplicate_column", column: "brand", header: "brand", params: { other: "Nhãn hiệu" } }]);

    const missing = validateSkuRows(table([["A", "HopCam"]], ["modelCode", "brand"]), { canArchive: false });
    expect(missing.fileIssues.map((i) => i.column)).toEqual(["manufacturer", "countryOfOrigin"]);
  });

  it("catches shifted CSV rows: too few fields, or values beyond the last header", () => {
    const rows = [good("A").slice(0, 5), [...good("B"), "", ""], [...good("C"), "", "stray"]];
    const result = validateSkuRows(table(rows, HEADER, true), { canArchive: false });
    expect(brief(result.rowIssues.filter((i) => i.code !== "required"))).toEqual([
      [2, "", "field_count"],
      [4, "K4", "cell_without_header"],
    ]);
    expect(result.candidates.map((c) => c.input.modelCode)).toEqual(["B"]);
  });

  it("lets only those who may archive import archived SKUs", () => {
    const header = [...HEADER, "Đã lưu trữ"];
    const rows = [[...good("A"), "có"], [...good("B"), "không"], [...good("C"), "perhaps"]];
    expect(brief(validateSkuRows(table(rows, header), { canArchive: false }).rowIssues)).toEqual([
      [2, "J2", "archive_not_allowed"],
      [4, "J4", "invalid_yes_no"],
    ]);
    const allowed = validateSkuRows(table(rows, header), { canArchive: true });
    expect(allowed.candidates.map((c) => [c.input.modelCode, c.archived])).toEqual([
      ["A", true],
      ["B", false],
    ]);
  });

  it("checks family names like the family form does", () => {
    const result = validateSkuRows(table([good("A", { 6: "x".repeat(121) })]), { canArchive: false });
    expect(brief(result.rowIssues)).toEqual([[2, "G2", "too_long"]]);
  });
});
