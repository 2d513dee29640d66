// The SKU registry as a compliance manager uses it: register a camera, get a clear error for a
// duplicate, record firmware, and answer the capability profile that decides conditional clauses.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAsNewOwner } from "./support/accounts";
import { launchBrowser, screenshot } from "./support/browser";
import { alertText } from "./support/page-text";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;


beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

async function fillSku(modelCode: string) {
  await page.fill("#sku-modelCode", modelCode);
  await page.fill("#sku-brand", "HopCam");
  await page.fill("#sku-manufacturer", "Công ty TNHH Camera Việt");
  await page.fill("#sku-countryOfOrigin", "vn");
  await page.fill("#sku-hsCode", "8525.89.90");
}

describe("SKU registry", () => {
  it("registers a SKU and opens it", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    await page.getByRole("textbox", { name: "Dòng sản phẩm mới" }).fill("Camera trong nhà");
    await page.getByRole("button", { name: "Tạo dòng" }).click();
    await expect.poll(() => page.locator("#sku-familyId option").allTextContents()).toContain("Camera trong nhà");
    await fillSku("HC-IPC-2001");
    await page.selectOption("#sku-familyId", { label: "Camera trong nhà" });
    await page.getByRole("button", { name: "Tạo SKU" }).click();
    await page.waitForURL(/\/skus\/[^/]+$/);
    expect(await page.getByTestId("sku-title").textContent()).toBe("HC-IPC-2001");
    expect(await page.locator("main").textContent()).toContain("VN · HS 8525.89.90 · Camera trong nhà");
  });

  it("explains a duplicate model code and keeps the form filled", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    await fillSku("HC-IPC-2001");
    await page.getByRole("button", { name: "Tạo SKU" }).click();
    await expect.poll(() => alertText(page)).toContain("Đã có SKU với mã model");
    expect(await page.inputValue("#sku-modelCode")).toBe("HC-IPC-2001");
    expect(await page.getByTestId("sku-table").locator("tbody tr").count()).toBe(1);
  });

  it("records firmware and the capability profile", async () => {
    await page.getByTestId("sku-table").getByRole("link", { name: "HC-IPC-2001" }).click();
    await page.waitForURL(/\/skus\/[^/]+$/);
    await page.fill("#fw-version", "V5.7.3");
    await page.fill("#fw-releaseDate", "2026-03-01");
    await page.fill("#fw-supportEndsAt", "2030-12-31");
    await page.check("#fw-signedUpdates");
    await page.getByRole("button", { name: "Thêm phiên bản firmware" }).click();
    await expect.poll(() => page.getByTestId("firmware-table").textContent()).toContain("V5.7.3");
    expect(await page.getByTestId("firmware-table").textContent()).toContain("31/12/2030");

    expect(await page.getByTestId("unanswered").textContent()).toBe("14 câu chưa trả lời");
    await page.getByRole("group", { name: "Sử dụng mật khẩu" }).getByLabel("Có").check();
    await page.getByRole("group", { name: "Cổng gỡ lỗi tiếp cận được về vật lý" }).getByLabel("Không").check();
    await page.getByRole("button", { name: "Lưu hồ sơ khả năng" }).click();
    await page.getByRole("status").filter({ hasText: "Đã lưu." }).waitFor();
    expect(await page.getByTestId("unanswered").textContent()).toBe("12 câu chưa trả lời");
    await page.reload();
    await expect.poll(() => page.getByTestId("unanswered").textContent()).toBe("12 câu chưa trả lời");
    expect(await page.getByRole("group", { name: "Sử dụng mật khẩu" }).getByLabel("Có").isChecked()).toBe(true);
    await screenshot(page, "sku-detail");
  });
});
