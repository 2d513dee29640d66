// Steps several journeys share, done through the UI the way a compliance manager does them.
import type { Page } from "playwright-core";
import { expect } from "vitest";

// Registers a SKU from the registry page and returns its page's URL.
export async function registerSku(page: Page, baseUrl: string, orgSlug: string, modelCode: string): Promise<string> {
  await page.goto(`${baseUrl}/${orgSlug}/skus`);
  await page.fill("#sku-modelCode", modelCode);
  await page.fill("#sku-brand", "HopCam");
  await page.fill("#sku-manufacturer", "Công ty TNHH Camera Việt");
  await page.fill("#sku-countryOfOrigin", "VN");
  await page.getByRole("button", { name: "Tạo SKU" }).click();
  await page.waitForURL(/\/skus\/[^/]+$/);
  return page.url();
}

// On an evidence page: links a clause of the catalog whose option group names `catalog`.
export async function linkEvidenceToClause(page: Page, catalog: string, code: string): Promise<void> {
  const option = page.locator(`#link-clauseId optgroup[label*="${catalog}"] option`).filter({ hasText: new RegExp(`^${code.replace(/\./g, "\\.")} `) });
  await page.selectOption("#link-clauseId", (await option.getAttribute("value"))!);
  await page.getByRole("button", { name: "Liên kết điều khoản" }).click();
  await expect.poll(() => page.getByTestId("clause-links").textContent().catch(() => "")).toContain(code);
}

// On an evidence page, as an owner: submits it for review and accepts it.
export async function submitAndAcceptEvidence(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect.poll(() => page.getByTestId("evidence-state").textContent()).toBe("Chờ duyệt");
  await page.getByRole("button", { name: "Chấp nhận" }).click();
  await expect.poll(() => page.getByTestId("evidence-state").textContent()).toBe("Đã chấp nhận");
}
