// The daily evidence journey: register a SKU, attach a PDF test report to two QCVN 11 clauses,
// have it reviewed and accepted, and watch the compliance matrix cell turn.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAsNewOwner } from "./support/accounts";
import { registerSku, submitAndAcceptEvidence } from "./support/journeys";
import { launchBrowser, screenshot } from "./support/browser";
import { alertText } from "./support/page-text";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;
let skuUrl: string;
let evidenceUrl: string;

const pdf = Buffer.from("%PDF-1.4\n% HopQuy e2e test report\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const pdfSha256 = createHash("sha256").update(pdf).digest("hex");

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

const g01Cell = () => page.locator('[data-testid="matrix-cell"][data-group="HQ11-G01"]').first();

describe("evidence and the compliance matrix", () => {
  it("a new SKU starts with nothing covered in the matrix", async () => {
    skuUrl = await registerSku(page, baseUrl, orgSlug, "HC-EVD-3001");
    await page.goto(`${baseUrl}/${orgSlug}/matrix`);
    await g01Cell().waitFor();
    expect(await g01Cell().getAttribute("aria-label")).toMatch(/^HQ11-G01: Chưa bắt đầu: \d+$/);
  });

  it("uploads a PDF as evidence for two clauses from the SKU page", async () => {
    await page.goto(skuUrl);
    await page.getByRole("link", { name: "Thêm bằng chứng cho SKU này" }).click();
    await page.waitForURL(/\/evidence\/new\?skuId=/);
    await page.fill("#evidence-title", "Báo cáo thử nghiệm EN 303 645 — HC-EVD-3001");
    await page.fill("#evidence-issuer", "Phòng thử nghiệm A");
    await page.fill("#evidence-expiryDate", "2030-12-31");
    await page.setInputFiles("#evidence-file", { name: "báo cáo thử nghiệm.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.locator('input[name="clauseIds"][aria-label^="HQ11-G01-01 "]').check();
    await page.locator('input[name="clauseIds"][aria-label^="HQ11-G01-02 "]').check();
    await page.getByRole("button", { name: "Tạo bằng chứng" }).click();
    await page.waitForURL(/\/evidence\/(?!new)[^/?]+$/);
    evidenceUrl = page.url();
    await expect.poll(() => page.getByTestId("revision-sha256").first().textContent()).toBe(pdfSha256);
    expect(await page.getByTestId("clause-links").textContent()).toMatch(/HQ11-G01-01[\s\S]*HQ11-G01-02/);
    expect(await page.getByTestId("sku-links").textContent()).toContain("HC-EVD-3001");
    expect(await page.getByTestId("evidence-state").textContent()).toBe("Nháp");

    // The stored file is byte-identical and served as an attachment that the browser will not sniff.
    const href = await page.getByTestId("revision-table").getByRole("link", { name: /\.pdf$/ }).getAttribute("href");
    const download = await page.request.get(`${baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;.*filename\*=UTF-8''b%C3%A1o/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await page.getByRole("button", { name: "Kiểm tra toàn vẹn" }).click();
    await page.getByRole("status").filter({ hasText: "Nguyên vẹn" }).waitFor();
  });

  it("refuses a file that is not an accepted type, and keeps the evidence as it was", async () => {
    await page.setInputFiles("#revision-file", { name: "virus.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this is an executable", "binary") });
    await page.getByRole("button", { name: "Tải lên", exact: true }).click();
    await expect.poll(() => alertText(page)).toContain("Loại tệp không được chấp nhận");
    expect(await page.getByTestId("revision-table").locator("tbody tr").count()).toBe(1);
  });

  it("is submitted, accepted by the owner, and the matrix cell changes", async () => {
    await submitAndAcceptEvidence(page);
    await screenshot(page, "evidence-accepted");

    await page.goto(`${baseUrl}/${orgSlug}/matrix`);
    await g01Cell().waitFor();
    expect(await g01Cell().getAttribute("aria-label")).toMatch(/^HQ11-G01: Đạt: 2, Chưa bắt đầu: \d+$/);
    await screenshot(page, "matrix-after-accept");

    // Drill down: the cell opens the SKU's clauses of that group with their evidence.
    await g01Cell().click();
    await page.waitForURL(/\/skus\/[^/]+#group-HQ11-G01$/);
    const clause = page.getByTestId("clause-HQ11-G01-01");
    expect(await clause.getByTestId("assessment-status").textContent()).toBe("Đạt");
    expect(await clause.textContent()).toContain("Báo cáo thử nghiệm EN 303 645");
    expect(await page.getByTestId("sku-history").textContent()).toContain("evidence.sku_linked");
  });
});
