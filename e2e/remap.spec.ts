// Re-mapping a SKU's QCVN 135 evidence to QCVN 11: the preview explains partial and gap clauses, the
// manager applies, the matrix shows the result; then the organization-wide run in the worker.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAsNewOwner } from "./support/accounts";
import { linkEvidenceToClause, registerSku, submitAndAcceptEvidence } from "./support/journeys";
import { launchBrowser, screenshot } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;
let skuUrl: string;

const pdf = Buffer.from("%PDF-1.4\n% QCVN 135 certificate\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});


const cell = (group: string) => page.locator(`[data-testid="matrix-cell"][data-group="${group}"]`).first();

describe("re-mapping to QCVN 11", () => {
  it("a SKU holds an accepted QCVN 135 certificate", async () => {
    skuUrl = await registerSku(page, baseUrl, orgSlug, "HC-135-7001");
    await page.getByRole("link", { name: "Thêm bằng chứng cho SKU này" }).click();
    await page.waitForURL(/\/evidence\/new\?skuId=/);
    await page.selectOption("#evidence-kind", "certificate");
    await page.fill("#evidence-title", "Giấy chứng nhận hợp quy QCVN 135:2024/BTTTT");
    await page.setInputFiles("#evidence-file", { name: "chung-nhan-qcvn135.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Tạo bằng chứng" }).click();
    await page.waitForURL(/\/evidence\/(?!new)[^/?]+$/);
    await page.getByTestId("revision-table").waitFor();
    await linkEvidenceToClause(page, "QCVN_135", "2.1.1");
    await linkEvidenceToClause(page, "QCVN_135", "2.2.1");
    await submitAndAcceptEvidence(page);
  });

  it("the preview shows covered, partial and gap clauses with their explanations", async () => {
    await page.goto(skuUrl);
    await page.getByRole("link", { name: "Xem trước ánh xạ QCVN 11 cho SKU này" }).click();
    await page.waitForURL(/\/skus\/[^/]+\/remap$/);
    const covered = page.getByTestId("remap-row-HQ11-G01-01");
    expect(await covered.getAttribute("data-proposed")).toBe("covered");
    expect(await covered.getByTestId("proposal-explanation").textContent()).toMatch(/Đáp ứng đầy đủ: «Giấy chứng nhận hợp quy QCVN 135:2024\/BTTTT» — QCVN_135_2024_BTTTT \S+ 2\.1\.1 → tương đương/);
    const partial = page.getByTestId("remap-row-HQ11-G03-02");
    expect(await partial.getAttribute("data-proposed")).toBe("partial");
    expect(await partial.getByTestId("proposal-explanation").textContent()).toMatch(/Đáp ứng một phần: .*2\.2\.1 → giao nhau/);
    const gap = page.getByTestId("remap-row-HQ11-G01-02");
    expect(await gap.getAttribute("data-proposed")).toBe("gap");
    expect(await gap.getByTestId("proposal-explanation").textContent()).toContain("Không có bằng chứng nào dẫn tới điều khoản này");
    await screenshot(page, "remap-preview");
  });

  it("the manager applies and the matrix updates", async () => {
    await page.getByRole("button", { name: /^Áp dụng \(\d+ thay đổi\)$/ }).click();
    await page.getByRole("status").filter({ hasText: /Đã ghi \d+ đánh giá/ }).waitFor();
    await page.goto(`${baseUrl}/${orgSlug}/matrix`);
    await cell("HQ11-G03").waitFor();
    expect(await cell("HQ11-G03").getAttribute("aria-label")).toMatch(/^HQ11-G03: Đạt: 1, Đạt một phần: 3/);
    expect(await cell("HQ11-G01").getAttribute("aria-label")).toMatch(/^HQ11-G01: Đạt: 1, Chưa đạt: \d+$/);
    expect(await cell("HQ11-G01").getAttribute("data-tone")).toBe("gap");
    await screenshot(page, "matrix-after-remap");
  });

  it("the SKU's gap report downloads as a Vietnamese PDF and as CSV", async () => {
    await page.goto(skuUrl);
    const links = page.getByTestId("gap-report-links");
    const pdfHref = await links.getByRole("link", { name: "Báo cáo khoảng trống (PDF)" }).getAttribute("href");
    const pdfResponse = await page.request.get(`${baseUrl}${pdfHref}`);
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    expect(pdfResponse.headers()["content-disposition"]).toMatch(/^attachment;.*HC-135-7001/);
    expect(Buffer.from(await pdfResponse.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const csvHref = await links.getByRole("link", { name: "Báo cáo khoảng trống (CSV)" }).getAttribute("href");
    const csv = Buffer.from(await (await page.request.get(`${baseUrl}${csvHref}`)).body()).toString("utf8");
    expect(csv).toContain("HQ11-G03-02");
    expect(csv).toContain("HQ11-G01-02");
  });

  it("an organization-wide preview runs in the worker with a progress bar that survives a reload", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/remap`);
    await page.getByRole("button", { name: "Xem trước cho mọi SKU" }).click();
    await page.getByTestId("remap-progress").waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId("remap-progress").getAttribute("data-state"), { timeout: 30_000 }).toBe("done");
    expect(await page.getByTestId("remap-summary").textContent()).toMatch(/^0 điều khoản thay đổi/);
    expect(await page.getByTestId("remap-latest").textContent()).toContain("HC-135-7001");
  });
});
