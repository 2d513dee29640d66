import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessColumnMapping } from "../imports/column-mapping";
import type { ImportTable } from "../imports/read-import-table";
import { EVIDENCE_REGISTER_FIELDS, normalizeClauseCode, parseEvidenceKind, parseFramework, validateEvidenceRegisterRows, type RegisterValidation } from "./evidence-register-rows";

// A register as an importer keeps it: Vietnamese headers, a notes column, an internal column.
const HEADER = ["Mã hàng", "Quy chuẩn", "Điều khoản", "Tên tài liệu", "Loại", "Phòng thử nghiệm", "Số báo cáo", "Ngày cấp", "Ngày hết hạn", "Ghi chú", "Tên tệp", "Người phụ trách"];
const row = (model: string, framework: string, clause: string, overrides: Partial<Record<number, string>> = {}) => {
  const cells = [model, framework, clause, "Báo cáo thử nghiệm an ninh mạng", "Báo cáo thử nghiệm", "Trung tâm Kiểm định QUATEST 1", "BC-2025/0142", "15/03/2025", "14/03/2028", "", "bc-0142.pdf", "Lan"];
  for (const [i, value] of Object.entries(overrides)) cells[Number(i)] = value!;
  return cells;
};
const table = (rows: string[][], header = HEADER): ImportTable => ({ headerLine: 1, header, rows: rows.map((cells, i) => ({ line: i + 2, cells })), strictFieldCount: false });
const validate = (t: ImportTable) => validateEvidenceRegisterRows(t, guessColumnMapping(t.header, EVIDENCE_REGISTER_FIELDS));
const brief = (issues: RegisterValidation["rowIssues"]) => issues.map((i) => [i.line, i.cell ?? "", i.code]);

describe("reading the framework, clause and kind as customers write them", () => {
  it("names frameworks with or without their version", () => {
    expect(parseFramework("QCVN 135:2024/BTTTT")).toEqual({ regulation: "QCVN_135_2024_BTTTT" });
    expect(parseFramework("qcvn 135")).toEqual({ regulation: "QCVN_135_2024_BTTTT" });
    expect(parseFramework("ETSI EN 303 645 V2.1.1")).toEqual({ regulation: "ETSI_EN_303_645", version: "V2.1.1" });
    expect(parseFramework("EN 303 645 v3.1.3")).toEqual({ regulation: "ETSI_EN_303_645", version: "V3.1.3" });
    expect(parseFramework("EN 303 645")).toEqual({ regulation: "ETSI_EN_303_645" });
    expect(parseFramework("TS 103 701")).toEqual({ regulation: "ETSI_TS_103_701" });
    expect(parseFramework("QCVN 11:2026/BCA")).toEqual({ regulation: "QCVN_11_2026_BCA" });
    expect(parseFramework("ISO 27001")).toBeNull();
    expect(parseFramework("")).toBeNull();
  });

  it("takes clause codes with a leading word off, and kinds in Vietnamese or English", () => {
    expect(normalizeClauseCode(" Điều 5.1-1 ")).toBe("5.1-1");
    expect(normalizeClauseCode("Provision 5.3-2")).toBe("5.3-2");
    expect(normalizeClauseCode("2.1")).toBe("2.1");
    expect(parseEvidenceKind("Báo cáo thử nghiệm")).toBe("lab_test_report");
    expect(parseEvidenceKind("GIẤY CHỨNG NHẬN")).toBe("certificate");
    expect(parseEvidenceKind("lab_test_report")).toBe("lab_test_report");
    expect(parseEvidenceKind("Test report")).toBe("lab_test_report");
    expect(parseEvidenceKind("Hướng dẫn sử dụng")).toBe("user_manual");
    expect(parseEvidenceKind("invoice")).toBeUndefined();
  });
});

describe("validating and grouping register rows", () => {
  it("makes rows with the same title, issuer and report number ONE evidence item linked to all their SKUs and clauses", () => {
    const result = validate(
      table([
        row("DS-2CD1023G0-I", "QCVN 135:2024/BTTTT", "2.1", { 9: "Mật khẩu mặc định" }),
        row("DS-2CD1023G0-I", "QCVN 135:2024/BTTTT", "2.3"),
        row("IPC-HFW1230S", "ETSI EN 303 645 V2.1.1", "Provision 5.1-1", { 3: "báo cáo thử nghiệm AN NINH mạng", 7: "", 10: "" }),
        row("IPC-HFW1230S", "QCVN 135", "2.1", { 3: "Giấy chứng nhận hợp quy", 4: "Giấy chứng nhận", 6: "CN-135-0099", 7: "2025-04-01", 8: "46477", 10: "" }),
      ]),
    );
    expect(result.fileIssues).toEqual([]);
    expect(result.rowIssues).toEqual([]);
    expect(result.ignored).toEqual([{ header: "Người phụ trách", cell: "L1" }]);
    expect(result.items).toHaveLength(2);
    const [report, certificate] = result.items;
    expect(report).toMatchObject({ line: 2, kind: "lab_test_report", issuer: "Trung tâm Kiểm định QUATEST 1", reportNumber: "BC-2025/0142", effectiveDate: "2025-03-15", expiryDate: "2028-03-14", fileName: "bc-0142.pdf" });
    expect(report!.links.map((l) => [l.line, l.modelCode, l.framework.regulation, l.framework.version, l.clauseCode, l.note])).toEqual([
      [2, "DS-2CD1023G0-I", "QCVN_135_2024_BTTTT", undefined, "2.1", "Mật khẩu mặc định"],
      [3, "DS-2CD1023G0-I", "QCVN_135_2024_BTTTT", undefined, "2.3", undefined],
      [4, "IPC-HFW1230S", "ETSI_EN_303_645", "V2.1.1", "5.1-1", undefined],
    ]);
    expect(certificate).toMatchObject({ line: 5, kind: "certificate", reportNumber: "CN-135-0099", effectiveDate: "2025-04-01", expiryDate: "2027-03-31" });
  });

  it("reports bad rows with line, cell and reason: unknown kind or framework, bad dates, required cells, unsafe file names", () => {
    const result = validate(
      table([
        row("A", "QCVN 135", "2.1", { 4: "Hóa đơn" }),
        row("A", "ISO 27001", "2.1"),
        row("A", "QCVN 135", "2.1", { 7: "31/02/2025" }),
        row("A", "QCVN 135", "2.1", { 7: "2025-05-01", 8: "2025-01-01", 3: "Khác" }),
        row("", "QCVN 135", "", { 3: "Khác 2" }),
        row("A", "QCVN 135", "2.2", { 3: "Khác 3", 10: "../../etc/passwd" }),
        row("A", "QCVN 135", "2.2", { 3: "Khác 4", 4: "Tuyên bố" }),
      ]),
    );
    expect(brief(result.rowIssues)).toEqual([
      [2, "E2", "invalid_evidence_kind"],
      [3, "B3", "unknown_framework"],
      [4, "H4", "invalid_date"],
      [5, "I5", "expiry_before_effective"],
      [6, "A6", "required"],
      [6, "C6", "required"],
      [7, "K7", "invalid_file_name"],
      [8, "E8", "kind_not_importable"],
    ]);
    expect(result.items).toEqual([]);
  });

  it("refuses a later row that contradicts the first one of the same document, and notes repeated links", () => {
    const result = validate(
      table([
        row("A", "QCVN 135", "2.1"),
        row("B", "QCVN 135", "2.1", { 8: "01/01/2030" }),
        row("C", "QCVN 135", "2.1", { 4: "Giấy chứng nhận" }),
        row("A", "QCVN 135", "Điều 2.1"),
        row("D", "QCVN 135", "2.1", { 7: "", 8: "", 10: "" }),
      ]),
    );
    expect(result.rowIssues.map((i) => [i.line, i.code, i.params?.firstLine, i.severity ?? "error"])).toEqual([
      [3, "conflicts_with_line", 2, "error"],
      [4, "conflicts_with_line", 2, "error"],
      [5, "duplicate_link", 2, "warning"],
    ]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.links.map((l) => l.modelCode)).toEqual(["A", "D"]);
  });

  it("needs a column for every required field", () => {
    const result = validate(table([["A", "B"]], ["Mã hàng", "Tên tài liệu"]));
    expect(result.fileIssues.map((i) => i.column)).toEqual(["framework", "clauseCode", "kind"]);
  });

  it("groups the same way whatever the order of the rows", () => {
    const models = ["M-1", "M-2", "M-3"];
    const documents = [
      { title: "Báo cáo A", number: "R-1", kind: "Báo cáo thử nghiệm" },
      { title: "Chứng nhận B", number: "C-7", kind: "Giấy chứng nhận" },
      { title: "Hướng dẫn C", number: "", kind: "Hướng dẫn sử dụng" },
    ];
    const rowArb = fc.record({ model: fc.constantFrom(...models), clause: fc.constantFrom("2.1", "2.2", "2.3", "2.4"), doc: fc.constantFrom(...documents) });
    const shape = (result: RegisterValidation) =>
      result.items
        .map((item) => ({ key: item.key, kind: item.kind, links: item.links.map((l) => `${l.modelCode}|${l.clauseCode}`).sort() }))
        .sort((a, b) => a.key.localeCompare(b.key));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.integer(), (rows, seed) => {
        const cells = rows.map((r) => row(r.model, "QCVN 135", r.clause, { 3: r.doc.title, 4: r.doc.kind, 6: r.doc.number }));
        const shuffled = [...cells].sort((a, b) => ((a.join().length * 31 + seed) % 7) - ((b.join().length * 17 + seed) % 7));
        expect(shape(validate(table(shuffled)))).toEqual(shape(validate(table(cells))));
      }),
    );
  });
});
