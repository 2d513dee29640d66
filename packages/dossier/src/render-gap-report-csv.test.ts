import { describe, expect, it } from "vitest";
import { escapeFormula, renderGapReportCsv } from "./render-gap-report-csv";
import { gapReportFixture } from "./testing/gap-report-fixture";

// Records of the fixture's Vietnamese CSV, each as written (line breaks inside quoted cells are "\n").
const EXPECTED_VI = [
  "Mã model,Phiên bản phần cứng,Firmware,Nhóm yêu cầu,Tên nhóm,Điều khoản QCVN 11,Tên điều khoản,Trạng thái,Nguồn kết quả,Lý do,Xung đột,Cần thử lại,Điều khoản ETSI EN 303 645,Phép thử TS 103 701,Biểu mẫu IXIT,Ghi chú",
  "HC-100,B,2.4.1,HQ11-G01,Không sử dụng mật khẩu mặc định dùng chung,HQ11-G01-01,Mật khẩu duy nhất,Chưa đạt,quyết định thủ công,\"Quyết định thủ công của người rà soát.\nĐáp ứng đầy đủ nhờ «Chứng nhận QCVN 135» (gắn với QCVN 135:2024/BTTTT 2.1.1) › tương đương [QCVN 135:2024/BTTTT -> QCVN 11:2026/BCA (tạm thời), độ mạnh 7] › QCVN 11:2026/BCA HQ11-G01-01\",\"Xung đột: quyết định thủ công là «Chưa đạt», ánh xạ đề xuất «Đạt».\",,\"5.1-1 — Mật khẩu duy nhất cho từng thiết bị\n5.1-9 — Hypothetical provision\",5.1-1-1 — Đánh giá thiết kế (IXIT: 1-AuthMech),1-AuthMech — Authentication Mechanisms,Chưa ghi nhận phép thử TS 103 701 nào cho: 5.1-9",
  "HC-100,B,2.4.1,HQ11-G02,Nhật ký,HQ11-G02-06,Tạo lập nhật ký hệ thống,Chưa đạt,theo ánh xạ,Không có bằng chứng nào dẫn tới điều khoản này.,,Thử lại: yêu cầu mới trong QCVN 11,,,,Dữ liệu danh mục chưa ghi nhận điều khoản ETSI EN 303 645 nào ánh xạ tới điều khoản này.",
  "HC-100,B,2.4.1,HQ11-G03,Quản lý báo cáo lỗ hổng,HQ11-G03-02,Công bố chính sách tiết lộ lỗ hổng,Đạt một phần,theo ánh xạ,\"Đáp ứng một phần nhờ «=HYPERLINK(\"\"x\"\") Chứng nhận, QCVN 135» (gắn với QCVN 135:2024/BTTTT 2.2.1) › giao nhau [QCVN 135:2024/BTTTT -> QCVN 11:2026/BCA (tạm thời), độ mạnh 5] › QCVN 11:2026/BCA HQ11-G03-02\nKhông tính «Báo cáo cũ»: đã hết hạn\",,Thử lại: bằng chứng cũ hơn ngày mốc,5.2-1 — Công bố chính sách công bố lỗ hổng,\"5.2-1-1 — Đánh giá thiết kế (IXIT: 2-UserInfo)\n5.2-1-2 — Đánh giá chức năng (IXIT: 2-UserInfo)\",2-UserInfo — User Information,",
  "'-HC/200+,,,,,,,,,Không có điều khoản nào chưa đạt hoặc đạt một phần.,,,,,,",
  "'-HC/200+,,,,,HQ11-G05-01,Mật mã cho giao tiếp,Đạt,quyết định thủ công,,\"Xung đột: quyết định thủ công là «Đạt», ánh xạ đề xuất «Chưa đạt».\",,,,,Quyết định thủ công cần xem lại",
];

describe("renderGapReportCsv", () => {
  it("writes the exact RFC 4180 table: BOM, CRLF records, quoted cells with commas, quotes and line breaks", () => {
    expect(renderGapReportCsv(gapReportFixture(), "vi")).toBe(`\uFEFF${EXPECTED_VI.map((record) => `${record}\r\n`).join("")}`);
  });

  it("writes English headers and words for lang=en, with the same rows", () => {
    const csv = renderGapReportCsv(gapReportFixture(), "en");
    const records = csv.slice(1).split("\r\n");
    expect(records[0]).toBe("Model code,Hardware revision,Firmware,Requirement group,Group title,QCVN 11 clause,Clause title,Status,Result origin,Why,Conflict,Re-test,ETSI EN 303 645 provisions,TS 103 701 test cases,IXIT forms,Notes");
    expect(records[2]).toBe("HC-100,B,2.4.1,HQ11-G02,Nhật ký,HQ11-G02-06,Creation of system logs,Gap,from mappings,No evidence leads to this clause.,,Re-test: new requirement in QCVN 11,,,,The catalog data maps no ETSI EN 303 645 provision to this clause.");
    expect(records).toHaveLength(EXPECTED_VI.length + 1);
  });

  it("prefixes cells that a spreadsheet would run as a formula with '", () => {
    const base = gapReportFixture();
    const sku = base.skus[0]!;
    const risky = gapReportFixture({
      skus: [
        {
          ...sku,
          modelCode: "=cmd|' /C calc'!A0",
          hardwareRevision: "+1",
          firmwareVersion: "@SUM(A1)",
          groups: [{ ...sku.groups[1]!, title: { vi: "\tTab", en: null }, clauses: [{ ...sku.groups[1]!.clauses[0]!, title: { vi: "-2+3", en: null } }] }],
        },
      ],
    });
    const row = renderGapReportCsv(risky, "vi").split("\r\n")[1]!;
    expect(row.startsWith(`'=cmd|' /C calc'!A0,'+1,'@SUM(A1),HQ11-G02,'\tTab,HQ11-G02-06,'-2+3,`)).toBe(true);
    expect(escapeFormula("a=b")).toBe("a=b");
    expect(escapeFormula("\rx")).toBe("'\rx");
  });

  it("an organization without SKUs gives the header only", () => {
    expect(renderGapReportCsv(gapReportFixture({ skus: [] }), "en").split("\r\n")).toHaveLength(2);
  });
});
