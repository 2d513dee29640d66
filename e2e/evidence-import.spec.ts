// An importer's evidence register from the QCVN 135 days, imported in the wizard: rows of the same
// document become one evidence item linked to every SKU and clause it names; once a reviewer accepts
// it, re-mapping the SKU to QCVN 11 explains coverage with it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsNewOwner } from "./support/accounts";
import { launchBrowser, screenshot } from "./support/browser";
import { registerSku } from "./support/journeys";
import { zipBytes } from "../packages/core/src/testing/sku-sheet-fixtures";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;
let skuUrl: string;

const REGISTER = [
  "Mã hàng,Quy chuẩn,Điều khoản,Tên tài liệu,Loại,Phòng thử nghiệm,Số báo cáo,Ngày cấp,Ngày hết hạn,Ghi chú,Tên tệp,Người phụ trách",
  "E2E-REG-1,QCVN 135:2024/BTTTT,2.1.1,Giấy chứng nhận hợp quy QCVN 135,Giấy chứng nhận,Trung tâm Chứng nhận,CN-135-0099,01/04/2025,31/03/2028,Mật khẩu mặc định,CN-135-0099.pdf,Lan",
  "E2E-REG-1,QCVN 135:2024/BTTTT,2.2.1,Giấy chứng nhận hợp quy QCVN 135,Giấy chứng nhận,Trung tâm Chứng nhận,CN-135-0099,,,,,Lan",
  "E2E-REG-2,QCVN 135:2024/BTTTT,2.1.1,Giấy chứng nhận hợp quy QCVN 135,Giấy chứng nhận,Trung tâm Chứng nhận,CN-135-0099,,,,,Lan",
  "E2E-REG-2,ETSI EN 303 645 V2.1.1,5.1-1,Báo cáo thử nghiệm an ninh mạng,Báo cáo thử nghiệm,QUATEST 1,BC-2025/0142,15/03/2025,14/03/2028,,bao-cao/BC-0142.pdf,Minh",
].join("\r\n");
const pdf = (marker: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
// The files as the importer keeps them: one in a folder, names in another case.
const FILES = zipBytes([
  { name: "chung-nhan/cn-135-0099.pdf", data: pdf("certificate") },
  { name: "BC-0142.pdf", data: pdf("report") },
]);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl);
  skuUrl = await registerSku(page, baseUrl, orgSlug, "E2E-REG-1");
  await registerSku(page, baseUrl, orgSlug, "E2E-REG-2");
});

afterAll(async () => {
  await browser?.close();
});

describe("evidence register import", () => {
  it("imports a register: one evidence item per document, linked to all its SKUs and clauses", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/evidence`);
    await page.getByRole("link", { name: "Nhập từ sổ bằng chứng" }).click();
    await page.waitForURL(/\/evidence\/import$/);
    await page.setInputFiles("#import-file", { name: "so-bang-chung.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${REGISTER}`, "utf8") });
    await page.getByRole("button", { name: "Tải lên và ghép cột" }).click();
    await page.waitForURL(/\/imports\/[a-z0-9-]+$/);
    expect(await page.getByLabel("Trường: Số báo cáo").inputValue()).toBe("reportNumber");
    expect(await page.getByLabel("Trường: Người phụ trách").inputValue()).toBe("");

    // The register names its files; until the ZIP is attached the check says they are missing.
    await page.getByRole("button", { name: "Kiểm tra với cách ghép này" }).click();
    await expect.poll(() => page.getByTestId("import-issues").textContent()).toContain("chưa đính kèm ZIP");
    await page.setInputFiles("#import-archive", { name: "ho-so.zip", mimeType: "application/zip", buffer: FILES });
    await page.getByRole("button", { name: "Tải tệp ZIP lên" }).click();
    await page.getByTestId("archive-attached").filter({ hasText: "ho-so.zip" }).waitFor();

    await page.getByLabel("Đã gửi duyệt").check();
    await page.getByRole("button", { name: "Kiểm tra với cách ghép này" }).click();
    await page.getByTestId("import-summary").filter({ hasText: "4 dòng: 4 sẽ ghi, 0 bị từ chối, 0 bỏ qua" }).waitFor();
    expect(await page.getByTestId("import-preview").locator("tbody tr").count()).toBe(2);
    await page.getByRole("button", { name: "Nhập 4 dòng" }).click();
    await expect.poll(() => page.getByTestId("import-progress").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    await page.getByTestId("import-result").filter({ hasText: "Đã tạo 2 bằng chứng" }).waitFor();
    expect(await page.getByTestId("import-result").textContent()).toContain("2 tệp");
    await screenshot(page, "evidence-import-done");

    await page.getByRole("link", { name: "Đến danh sách bằng chứng" }).click();
    await page.waitForURL(/\/evidence$/);
    await expect.poll(() => page.getByTestId("evidence-table").locator("tbody tr").count()).toBe(2);
    await page.getByRole("link", { name: "Giấy chứng nhận hợp quy QCVN 135" }).click();
    await page.getByTestId("evidence-title").waitFor();
    expect(await page.locator("main").textContent()).toContain("Số báo cáo / số chứng nhận: CN-135-0099");
    const clauses = await page.getByTestId("clause-links").textContent();
    expect(clauses).toContain("2.1.1");
    expect(clauses).toContain("2.2.1");
    expect(clauses).toContain("Mật khẩu mặc định");
    const skus = await page.getByTestId("sku-links").textContent();
    expect(skus).toContain("E2E-REG-1");
    expect(skus).toContain("E2E-REG-2");
    expect(await page.getByTestId("revision-table").textContent()).toContain("cn-135-0099.pdf");
    expect(await page.getByTestId("evidence-state").textContent()).toBe("Chờ duyệt");
    await page.getByRole("button", { name: "Chấp nhận" }).click();
    await expect.poll(() => page.getByTestId("evidence-state").textContent()).toBe("Đã chấp nhận");
  });

  it("re-maps a SKU to QCVN 11 with the imported certificate in the explanation", async () => {
    await page.goto(skuUrl);
    await page.getByRole("link", { name: "Xem trước ánh xạ QCVN 11 cho SKU này" }).click();
    await page.waitForURL(/\/skus\/[^/]+\/remap$/);
    const covered = page.getByTestId("remap-row-HQ11-G01-01");
    expect(await covered.getAttribute("data-proposed")).toBe("covered");
    expect(await covered.getByTestId("proposal-explanation").textContent()).toContain("«Giấy chứng nhận hợp quy QCVN 135»");
  });
});
