// Bulk import as an importer arrives with it: their ERP's product list with its own column names
// (mapped in the wizard), firmware columns and a repeated model; the import runs in the worker with
// a progress bar; a bad file gets its problems line by line and only what the user chooses is written.
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
  await page.goto(`${baseUrl}/${orgSlug}/skus/import`);
  await page.setInputFiles("#import-file", { name, mimeType, buffer });
  await page.getByRole("button", { name: "Tải lên và ghép cột" }).click();
}

async function check() {
  await page.getByRole("button", { name: "Kiểm tra với cách ghép này" }).click();
}

async function waitForImportDone() {
  await expect.poll(() => page.getByTestId("import-progress").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN", acceptDownloads: true });
  orgSlug = await signInAsNewOwner(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe("SKU import", () => {
  it("imports an ERP product list with its own column names, mapped in the wizard, with firmware", async () => {
    // Excel in a Vietnamese locale: semicolons, a BOM, a serial-number date, a price column, a blank line.
    const csv =
      "\uFEFFSTT;Mã hàng;Tên hàng;Nhãn;NSX;Made in;FW version;FW release date;Giá nhập\r\n" +
      "1;E2E-ERP-1;Camera thân trụ 2MP;HopCam;Công ty TNHH Camera Việt;VN;V5.7.3 build 240115;45306;1.250.000\r\n" +
      "\r\n" +
      "2;E2E-ERP-2;Camera bán cầu 4MP;HopCam;Công ty TNHH Camera Việt;VN;V2.1;15/03/2024;990.000\r\n" +
      "3;E2E-ERP-1;Camera thân trụ 2MP;HopCam;Công ty TNHH Camera Việt;VN;V5.7.4;2024-06-01;1.250.000\r\n";
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.waitForURL(/\/skus\/import$/);
    await page.setInputFiles("#import-file", { name: "erp-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Tải lên và ghép cột" }).click();
    await page.waitForURL(/\/imports\/[a-z0-9-]+$/);
    expect(await page.getByTestId("import-file-facts").textContent()).toContain("phân cách ; · 3 dòng");

    // "Nhãn" is nobody's synonym: the check says the brand is missing until the user maps it.
    expect(await page.getByLabel("Trường: Nhãn").inputValue()).toBe("");
    expect(await page.getByLabel("Trường: Mã hàng").inputValue()).toBe("modelCode");
    await check();
    await expect.poll(() => page.getByTestId("import-issues").textContent()).toContain("Chưa có cột nào điền trường bắt buộc \"Nhãn hiệu\" (brand).");
    await page.getByLabel("Trường: Nhãn").selectOption("brand");
    await check();
    await page.getByTestId("import-summary").filter({ hasText: "3 dòng: 2 sẽ ghi, 1 bị từ chối, 0 bỏ qua" }).waitFor();
    expect(await page.getByTestId("ignored-columns").textContent()).toContain("STT, Giá nhập");
    expect(await page.getByTestId("import-issues").locator("tbody tr").allTextContents()).toEqual([
      "5B5Mã hàngTrùng với dòng 2 (cùng mã model và phiên bản phần cứng); dòng 2 là dòng được nhập.",
    ]);
    expect(await page.getByTestId("import-preview").locator("tbody tr").count()).toBe(2);
    await screenshot(page, "sku-import-mapping");

    // A reload keeps the checked mapping: the run lives on the server.
    await page.reload();
    expect(await page.getByLabel("Trường: Nhãn").inputValue()).toBe("brand");
    await page.getByRole("button", { name: "Nhập 2 dòng" }).click();
    await waitForImportDone();
    await page.getByTestId("import-result").filter({ hasText: "Đã tạo 2, cập nhật 0, bỏ qua 0 SKU; 1 dòng bị từ chối; 0 dòng sản phẩm mới; thêm 2 phiên bản firmware." }).waitFor();
    await screenshot(page, "sku-import-done");

    await page.getByRole("link", { name: "Về danh sách SKU" }).click();
    await page.waitForURL(/\/skus$/);
    const listed = await page.getByTestId("sku-table").locator("tbody tr td:first-child a").allTextContents();
    expect(listed.sort()).toEqual(["E2E-ERP-1", "E2E-ERP-2"]);
    await page.getByRole("link", { name: "E2E-ERP-1" }).click();
    await expect.poll(() => page.getByTestId("firmware-table").textContent()).toContain("V5.7.3 build 240115");
    expect(await page.getByTestId("firmware-table").textContent()).toContain("15/1/2024");

    // The registry goes back out as a workbook, with the current firmware.
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^hopquy-skus-${orgSlug}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = exported.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Mã model (modelCode)");
    expect(sheet.actualRowCount).toBe(3);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const firmwareColumn = headers.indexOf("Phiên bản firmware (firmwareVersion)") + 1;
    expect(firmwareColumn).toBeGreaterThan(0);
    const versions = [2, 3].map((r) => String(sheet.getRow(r).getCell(firmwareColumn).value));
    expect(versions.sort()).toEqual(["V2.1", "V5.7.3 build 240115"]);
  });

  it("lists a bad file's problems by line and cell, imports only what the user chooses, and returns the rejected rows", async () => {
    await upload("not-a-workbook.xlsx", Buffer.from("modelCode,brand\nA,B\n"), "text/csv");
    await expect.poll(() => page.getByTestId("import-issues").textContent()).toContain("Tệp mang đuôi .xlsx nhưng không phải bảng tính Excel.");
    expect(await alertText(page)).toContain("Không đọc được tệp, không có gì được lưu");

    const bad = await workbook([
      ["E2E-NEW-1", "HopCam", "Công ty TNHH Camera Việt", "VN", "", "", "", ""],
      ["E2E-NEW-2", "HopCam", "Công ty TNHH Camera Việt", "Vietnam", "", "", "", "có thể"],
      ["E2E-ERP-1", "HopCam", "Công ty TNHH Camera Việt", "VN", "", "", "", ""],
    ]);
    await upload("bad.xlsx", bad);
    await page.waitForURL(/\/imports\/[a-z0-9-]+$/);
    await page.getByLabel("Không nhập gì nếu còn dòng lỗi").check();
    await check();
    await page.getByTestId("import-summary").filter({ hasText: "3 dòng: 1 sẽ ghi, 1 bị từ chối, 1 bỏ qua" }).waitFor();
    const issues = page.getByTestId("import-issues").locator("tbody tr");
    expect(await issues.allTextContents()).toEqual([
      "3D3Xuất xứMã quốc gia gồm 2 chữ cái (ví dụ VN).",
      "3H3Sử dụng mật khẩuChỉ nhận có / không, hoặc để trống nếu chưa rõ.",
      "4A4Mã modelĐã có SKU E2E-ERP-1 với phiên bản phần cứng này: bỏ qua.",
    ]);
    expect(await page.getByRole("button", { name: "Nhập 1 dòng" }).isDisabled()).toBe(true);
    await screenshot(page, "sku-import-errors");

    await page.getByLabel("Nhập các dòng hợp lệ, liệt kê dòng lỗi").check();
    await check();
    await page.getByRole("button", { name: "Nhập 1 dòng" }).click();
    await waitForImportDone();
    await page.getByTestId("import-result").filter({ hasText: "Đã tạo 1, cập nhật 0, bỏ qua 1 SKU; 1 dòng bị từ chối" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải các dòng bị từ chối (CSV) để sửa và tải lên lại" }).click()]);
    expect(download.suggestedFilename()).toBe("bad-rejected.csv");
    const rejected = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(rejected[0]).toBe(["Dòng", "Lý do", ...HEADER].join(","));
    expect(rejected.slice(1).map((line) => line.split(",")[0])).toEqual(["3", "4"]);
    expect(rejected[1]).toContain("D3: Mã quốc gia gồm 2 chữ cái (ví dụ VN).");

    await page.goto(`${baseUrl}/${orgSlug}/skus?q=E2E-NEW`);
    expect(await page.getByTestId("sku-table").locator("tbody tr td:first-child a").allTextContents()).toEqual(["E2E-NEW-1"]);
  });
});
