import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GapReportContent } from "@hopquy/compliance";
import { describe, expect, it } from "vitest";
import { renderGapReportPdf } from "./render-gap-report-pdf";
import { gapReportFixture } from "./testing/gap-report-fixture";

const PDFTOTEXT = "/usr/bin/pdftotext";
const dir = mkdtempSync(path.join(os.tmpdir(), "hq-dossier-"));
const VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

// The text layer of a PDF as pdftotext (poppler-utils) reads it; pages are separated by form feeds.
function textOf(pdf: Buffer, name: string): string {
  expect(existsSync(PDFTOTEXT), "pdftotext (poppler-utils) is required for this test: apt-get install poppler-utils").toBe(true);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(PDFTOTEXT, ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

// Many SKUs, each with its clauses repeated, so the report runs over several pages.
function longReport(skuCount: number): GapReportContent {
  const base = gapReportFixture();
  const sku = base.skus[0]!;
  return gapReportFixture({
    skus: Array.from({ length: skuCount }, (_, i) => ({ ...sku, skuId: `sku-${i}`, modelCode: `HC-${100 + i}`, groups: [...sku.groups, ...sku.groups.map((g) => ({ ...g, code: `${g.code}-B` }))] })),
  });
}

describe("renderGapReportPdf", () => {
  it("gives identical bytes for the same content, and dates the document from generatedOn", async () => {
    const first = await renderGapReportPdf(gapReportFixture(), "vi");
    const second = await renderGapReportPdf(gapReportFixture(), "vi");
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.compare(first, second)).toBe(0);
    // CreationDate and ModDate: the only dates in the file.
    expect(first.toString("latin1").match(/\(D:\d{14}Z\)/g)).toEqual(["(D:20261123000000Z)", "(D:20261123000000Z)"]);
    const nextDay = await renderGapReportPdf(gapReportFixture({ generatedOn: "2026-11-24" }), "vi");
    expect(Buffer.compare(first, nextDay)).not.toBe(0);
    expect(nextDay.toString("latin1")).toContain("(D:20261124000000Z)");
  });

  it("sets Vietnamese text that pdftotext reads back with its diacritics: title, organization, clause codes, why and closers", async () => {
    const text = textOf(await renderGapReportPdf(gapReportFixture(), "vi"), "vi");
    expect(text).toContain("BÁO CÁO KHOẢNG TRỐNG QCVN 11");
    expect(text).toContain("Công ty TNHH Camera Hợp Quy");
    expect(text).toContain("Ngày lập: 23/11/2026");
    expect(text).toContain("Danh mục QCVN 11 tạm thời");
    expect(text).toContain("HQ11-G03-02");
    expect(text).toContain("HQ11-G01 · Không sử dụng mật khẩu mặc định dùng chung");
    expect(text).toContain("Trạng thái: Đạt một phần (theo ánh xạ)");
    expect(text).toContain("Phép thử TS 103 701: 5.2-1-1 — Đánh giá thiết kế (IXIT: 2-UserInfo)");
    expect(text).toContain("Chưa ghi nhận phép thử TS 103 701 nào cho: 5.1-9");
    expect(text).toContain("Dữ liệu danh mục chưa ghi nhận điều khoản ETSI EN 303 645 nào");
    expect(text).toContain("Quyết định thủ công cần xem lại");
    expect(text).toContain("Trang 1/3");
  });

  it("every Vietnamese letter, precomposed or typed decomposed (NFD), comes back as typed", async () => {
    const content = gapReportFixture({ organization: { name: `${VIETNAMESE} ${VIETNAMESE.toUpperCase()}`.normalize("NFD"), slug: "x" }, skus: [] });
    const text = textOf(await renderGapReportPdf(content, "vi"), "letters");
    expect(text).toContain(`Tổ chức: ${VIETNAMESE}`);
    expect(text).toContain(VIETNAMESE.toUpperCase());
  });

  it("writes English for lang=en and leaves out the provisional note for an official catalog", async () => {
    const content = gapReportFixture({ catalog: { version: "2026", revision: 2, provisional: false } });
    const text = textOf(await renderGapReportPdf(content, "en"), "en");
    expect(text).toContain("QCVN 11 gap report");
    expect(text).toContain("Generated on: 2026-11-23");
    expect(text).toContain("Catalog: QCVN 11:2026/BCA 2026 (revision 2)");
    expect(text).toContain("Status: Gap (manual decision)");
    expect(text).not.toContain("Provisional");
  });

  it("numbers every page of a long organization report, one SKU section per page break", async () => {
    const text = textOf(await renderGapReportPdf(longReport(4), "vi"), "long");
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/${pages.length}`));
    for (let i = 0; i < 4; i += 1) expect(text).toContain(`SKU HC-${100 + i}`);
  });

  it("an organization without SKUs still gives a one-page report", async () => {
    const text = textOf(await renderGapReportPdf(gapReportFixture({ skus: [], totals: { skus: 0, skusWithGaps: 0, gap: 0, partial: 0, conflicts: 0, retest: 0 } }), "vi"), "empty");
    expect(text).toContain("Mọi SKU đang hoạt động (0)");
    expect(text).toContain("Trang 1/1");
  });

  it("refuses a generatedOn that is not a date", () => {
    expect(() => renderGapReportPdf(gapReportFixture({ generatedOn: "soon" }), "vi")).toThrow(/generatedOn/);
  });
});
