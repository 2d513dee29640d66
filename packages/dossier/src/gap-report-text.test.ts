import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { dossierFonts } from "./fonts";
import { describeClause, formatDate, gapReportFileName, labelsOf, pick, skuHeading } from "./gap-report-text";
import { gapReportFixture } from "./testing/gap-report-fixture";

const report = gapReportFixture();
const clause = (code: string) => report.skus[0]!.groups.flatMap((g) => g.clauses).find((c) => c.code === code)!;

describe("gap report sentences", () => {
  it("explain a partial clause: the evidence, where it is linked, each mapping step, evidence that does not count", () => {
    expect(describeClause(clause("HQ11-G03-02"), "vi")).toEqual({
      status: "Đạt một phần",
      origin: "theo ánh xạ",
      why: [
        "Đáp ứng một phần nhờ «=HYPERLINK(\"x\") Chứng nhận, QCVN 135» (gắn với QCVN 135:2024/BTTTT 2.2.1) › giao nhau [QCVN 135:2024/BTTTT -> QCVN 11:2026/BCA (tạm thời), độ mạnh 5] › QCVN 11:2026/BCA HQ11-G03-02",
        "Không tính «Báo cáo cũ»: đã hết hạn",
      ],
      conflict: null,
      retest: ["Thử lại: bằng chứng cũ hơn ngày mốc"],
      provisions: ["5.2-1 — Công bố chính sách công bố lỗ hổng"],
      testCases: ["5.2-1-1 — Đánh giá thiết kế (IXIT: 2-UserInfo)", "5.2-1-2 — Đánh giá chức năng (IXIT: 2-UserInfo)"],
      ixitForms: ["2-UserInfo — User Information"],
      notes: [],
    });
  });

  it("say when a decision is manual, the conflict, and which provisions have no recorded test case", () => {
    const text = describeClause(clause("HQ11-G01-01"), "en");
    expect(text.why[0]).toBe("Decided manually by a reviewer.");
    expect(text.why[1]).toMatch(/^Full support from «Chứng nhận QCVN 135» \(linked to QCVN 135:2024\/BTTTT 2\.1\.1\) › equal \[QCVN 135:2024\/BTTTT -> QCVN 11:2026\/BCA \(provisional\), strength 7\]/);
    expect(text.conflict).toBe("Conflict: the manual decision is «Gap», the mappings propose «Covered».");
    expect(text.provisions).toEqual(["5.1-1 — Unique passwords per device", "5.1-9 — Hypothetical provision"]);
    expect(text.notes).toEqual(["No TS 103 701 test case recorded for: 5.1-9"]);
  });

  it("say that nothing supports a gap and that the catalog maps no provision to it, rather than invent one", () => {
    expect(describeClause(clause("HQ11-G02-06"), "vi")).toMatchObject({
      why: ["Không có bằng chứng nào dẫn tới điều khoản này."],
      retest: ["Thử lại: yêu cầu mới trong QCVN 11"],
      provisions: [],
      testCases: [],
      notes: ["Dữ liệu danh mục chưa ghi nhận điều khoản ETSI EN 303 645 nào ánh xạ tới điều khoản này."],
    });
  });

  it("pick the reader's language and fall back to the other; dates in the reader's format", () => {
    expect(pick({ vi: "Nhật ký", en: null }, "en")).toBe("Nhật ký");
    expect(pick({ vi: null, en: "Logs" }, "vi")).toBe("Logs");
    expect(pick({ vi: null, en: null }, "vi")).toBe("");
    expect(formatDate("2026-11-23", "vi")).toBe("23/11/2026");
    expect(formatDate("2026-11-23", "en")).toBe("2026-11-23");
    expect(skuHeading(report.skus[0]!, "vi")).toBe("SKU HC-100 · phiên bản phần cứng B · firmware 2.4.1");
    expect(skuHeading(report.skus[1]!, "en")).toBe("SKU -HC/200+ · no firmware registered");
  });
});

describe("gapReportFileName", () => {
  it("names the organization, the SKU (or all SKUs) and the date, with characters safe in any file system", () => {
    expect(gapReportFileName(report, "pdf")).toBe("hopquy-gap-report-camera-hop-quy-all-skus-2026-11-23.pdf");
    const one = gapReportFixture({ scope: "sku", skus: [report.skus[1]!] });
    expect(gapReportFileName(one, "csv")).toBe("hopquy-gap-report-camera-hop-quy-HC-200-2026-11-23.csv");
    const revision = gapReportFixture({ scope: "sku", skus: [{ ...report.skus[0]!, modelCode: "IPC 2/Ω" }] });
    expect(gapReportFileName(revision, "pdf")).toBe("hopquy-gap-report-camera-hop-quy-IPC-2-B-2026-11-23.pdf");
  });
});

describe("labels", () => {
  // The PDF font must have a glyph for every fixed text (an arrow "→" once rendered as an empty box).
  it("use only characters Noto Sans regular and bold can draw", () => {
    const fontkit = createRequire(import.meta.url)("fontkit") as { create(data: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean } };
    const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Object.values(value as object).flatMap(strings));
    const characters = new Set([...strings(labelsOf("vi")), ...strings(labelsOf("en")), "•·—…«»›"].join("").replace(/\{\w+\}/g, ""));
    for (const data of Object.values(dossierFonts())) {
      const font = fontkit.create(data);
      expect([...characters].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!))).toEqual([]);
    }
  });
});
