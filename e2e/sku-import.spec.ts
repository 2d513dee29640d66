// Bulk import as an importer does it today: fill a spreadsheet, check it, import it, find the SKUs
// in the list; a bad file gets its problems line by line and writes only what the user chooses.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsNewOwner } from "./support/accounts";
import { launchBrowser, screenshot } from "./support/browser";
import { alertText } from "./support/page-text";

const baseUrl = inject("baseUrl");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER = ["Mã model", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Mã HS", "Dòng sản phẩm", "Phân loại rủi ro", "Sử dụng mật khẩu"];
let browser: Browser;
let page: Page;
let orgSlug: string;

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("SKU");
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(name: string, buffer: Buffer, mimeType = XLSX_TYPE) {
  await page.setInputFiles("#sku-import-file", { name, mimeType, buffer });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe("SKU import", () => {
  it("imports 20 SKUs from an XLSX file", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [
      `E2E-CAM-${String(i + 1).padStart(2, "0")}`,
      "HopCam",
      "Công ty TNHH Camera Việt",
      "VN",
      "8525.89.90",
      i < 10 ? "Camera trong nhà" : "Camera ngoài trời",
      "Thấp",
      i % 2 === 0 ? "có" : "không",
    ]);
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.waitForURL(/\/skus\/import$/);
    await upload("skus.xlsx", await workbook(rows));
    await page.getByTestId("import-summary").filter({ hasText: "20 dòng: 20 hợp lệ, 0 có lỗi." }).waitFor();
    expect(await page.getByTestId("import-issues").count()).toBe(0);

    await page.getByRole("button", { name: "Nhập tất cả (20 SKU)" }).click();
    await page.getByRole("status").filter({ hasText: "Đã nhập 20 SKU, tạo 2 dòng sản phẩm mới." }).waitFor();
    await screenshot(page, "sku-import-done");
    await page.getByRole("link", { name: "Về danh sách SKU" }).click();
    await page.waitForURL(/\/skus$/);
    await expect.poll(() => page.getByTestId("sku-table").locator("tbody tr").count()).toBe(20);
    const listed = await page.getByTestId("sku-table").locator("tbody tr td:first-child a").allTextContents();
    expect(listed.sort()).toEqual(rows.map((r) => r[0]));

    // The registry goes back out as a workbook with the same 20 SKUs.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^hopquy-skus-${orgSlug}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = exported.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Mã model (modelCode)");
    expect(sheet.actualRowCount).toBe(21);
  });

  it("lists a bad file's problems by line and cell, and imports only what the user chooses", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/skus/import`);
    await upload("not-a-workbook.xlsx", Buffer.from("modelCode,brand\nA,B\n"), "text/csv");
    await expect.poll(() => page.getByTestId("import-issues").textContent()).toContain("Tệp mang đuôi .xlsx nhưng không phải bảng tính Excel.");
    expect(await alertText(page)).toContain("Không đọc được tệp, không có gì được ghi");

    const bad = await workbook([
      ["E2E-NEW-1", "HopCam", "Công ty TNHH Camera Việt", "VN", "", "", "", ""],
      ["E2E-NEW-2", "HopCam", "Công ty TNHH Camera Việt", "Vietnam", "", "", "", "có thể"],
      ["E2E-CAM-01", "HopCam", "Công ty TNHH Camera Việt", "VN", "", "", "", ""],
    ]);
    await upload("bad.xlsx", bad);
    await page.getByTestId("import-summary").filter({ hasText: "3 dòng: 1 hợp lệ, 2 có lỗi." }).waitFor();
    const issues = page.getByTestId("import-issues").locator("tbody tr");
    expect(await issues.allTextContents()).toEqual([
      "3D3Xuất xứMã quốc gia gồm 2 chữ cái (ví dụ VN).",
      "3H3Sử dụng mật khẩuChỉ nhận có / không, hoặc để trống nếu chưa rõ.",
      "4A4Mã modelĐã có SKU E2E-CAM-01 với phiên bản phần cứng này.",
    ]);
    expect(await page.getByRole("button", { name: "Nhập tất cả (3 SKU)" }).isDisabled()).toBe(true);
    await screenshot(page, "sku-import-errors");

    await page.getByRole("button", { name: "Chỉ nhập 1 dòng hợp lệ" }).click();
    await page.getByRole("status").filter({ hasText: "Đã nhập 1 SKU, tạo 0 dòng sản phẩm mới." }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain("2 dòng có lỗi không được nhập.");
    await page.goto(`${baseUrl}/${orgSlug}/skus?q=E2E-NEW`);
    expect(await page.getByTestId("sku-table").locator("tbody tr td:first-child a").allTextContents()).toEqual(["E2E-NEW-1"]);
  });
});
