// A mapping set is revised by the platform operator: the organization whose re-mapped assessments
// rested on the changed mapping sees what changed and why, and finds the SKU under "needs review".
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAsNewOwner } from "./support/accounts";
import { linkEvidenceToClause, registerSku, submitAndAcceptEvidence } from "./support/journeys";
import { launchBrowser, screenshot } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;

const pdf = Buffer.from("%PDF-1.4\n% QCVN 135 update test report\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const MAPPING_SET = path.resolve(import.meta.dirname, "../packages/catalog/data/mapping-sets/qcvn-135-2024--qcvn-11-2026-provisional-1.yaml");

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl, { platformAdmin: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("catalog change impact", () => {
  it("a SKU's QCVN 135 update-mechanism evidence is re-mapped to QCVN 11", async () => {
    const skuUrl = await registerSku(page, baseUrl, orgSlug, "HC-CC-9001");
    await page.getByRole("link", { name: "Thêm bằng chứng cho SKU này" }).click();
    await page.fill("#evidence-title", "Báo cáo thử nghiệm cập nhật phần mềm");
    await page.setInputFiles("#evidence-file", { name: "cap-nhat.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Tạo bằng chứng" }).click();
    await page.waitForURL(/\/evidence\/(?!new)[^/?]+$/);
    await linkEvidenceToClause(page, "QCVN_135", "2.3.1");
    await submitAndAcceptEvidence(page);
    await page.goto(`${skuUrl}/remap`);
    expect(await page.getByTestId("remap-row-HQ11-G04-01").getAttribute("data-proposed")).toBe("covered");
    await page.getByRole("button", { name: /^Áp dụng \(\d+ thay đổi\)$/ }).click();
    await page.getByRole("status").filter({ hasText: /Đã ghi \d+ đánh giá/ }).waitFor();
  });

  it("the operator publishes a revised mapping set and the organization sees what changed and why", async () => {
    // The same mapping set with one decision revised: 2.3.1 now only intersects HQ11-G04-01.
    const shipped = readFileSync(MAPPING_SET, "utf8");
    const revised = shipped.replace(/(- source: 2\.3\.1\n\s+target: HQ11-G04-01\n\s+relation:) equal/, "$1 intersect");
    expect(revised).not.toBe(shipped);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hq-mapping-")), "qcvn-135--qcvn-11-revised.yaml");
    writeFileSync(file, revised);
    await page.goto(`${baseUrl}/${orgSlug}/catalogs`);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Nhập tệp" }).click();
    await page.getByText(/Đã công bố .*bản sửa đổi 2/).waitFor();

    // The impact runs in the worker; the page shows it once it is recorded.
    await page.goto(`${baseUrl}/${orgSlug}/catalog-changes`);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("catalog-change").count();
      }, { timeout: 30_000 })
      .toBeGreaterThan(0);
    const items = await page.getByTestId("catalog-change-items").first().textContent();
    expect(items).toContain("2.3.1");
    expect(items).toContain("HQ11-G04-01");
    expect(items).toMatch(/tương đương → giao nhau/);
    expect(await page.getByTestId("catalog-change-impact").first().textContent()).toMatch(/1/);
    await screenshot(page, "catalog-changes");

    await page.goto(`${baseUrl}/${orgSlug}/matrix?status=needs_review`);
    await page.getByTestId("matrix-row").first().waitFor();
    expect(await page.getByTestId("matrix-row").count()).toBe(1);
    expect(await page.getByTestId("matrix-table").textContent()).toContain("HC-CC-9001");
  });
});
