// The MPS risk list arrives: a platform admin imports it, the worker re-classifies the SKU by its
// HS code, and the organization sees the new deadline with its countdown on the dashboard, a
// notification, an e-mail at the (real) test SMTP server, and the deadline in its calendar feed.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PUBLISHED_RISK_LIST_YAML } from "../packages/catalog/src/testing/risk-list-fixtures";
import { isoToday } from "../packages/core/src/assessments/today";
import { signInAsNewOwner } from "./support/accounts";
import { launchBrowser, screenshot } from "./support/browser";
import { mailsTo } from "./support/mailbox";

const baseUrl = inject("baseUrl");
const MODEL = `DL-CAM-${Date.now().toString(36)}`;
const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// The test list, dated from today: HS 8525.89 is medium risk with 180 days' grace for products
// already on the market, effective in 10 days, so the declaration is due 190 days from today.
const EFFECTIVE = shiftDay(isoToday(), 10);
const DUE = shiftDay(EFFECTIVE, 180);
const LIST_YAML = PUBLISHED_RISK_LIST_YAML.replace("publicationDate: 2026-12-01", `publicationDate: ${isoToday()}`).replace("effectiveDate: 2027-01-01", `effectiveDate: ${EFFECTIVE}`);
let browser: Browser;
let page: Page;
let orgSlug: string;
let skuUrl: string;

const daysUntil = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${isoToday()}T00:00:00Z`)) / 86_400_000);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl, { platformAdmin: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("risk list, deadlines and reminders", () => {
  it("shows the list as not published and the deadline as TBD before the ministry publishes", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/skus`);
    await page.fill("#sku-modelCode", MODEL);
    await page.fill("#sku-brand", "HopCam");
    await page.fill("#sku-manufacturer", "Công ty TNHH Camera Việt");
    await page.fill("#sku-countryOfOrigin", "VN");
    await page.fill("#sku-hsCode", "8525.89.10");
    await page.getByRole("button", { name: "Tạo SKU" }).click();
    await page.waitForURL(/\/skus\/[^/]+$/);
    skuUrl = page.url();

    await page.goto(`${baseUrl}/${orgSlug}`);
    const banner = page.getByTestId("risk-list-banner");
    expect(await banner.getAttribute("data-status")).toBe("not_published");
    expect(await banner.textContent()).toContain("Chưa được công bố");
    const row = page.locator(`[data-testid="deadline-row"][data-sku="${MODEL}"]`);
    expect(await row.count()).toBe(0);
  });

  it("imports the published list; the dashboard shows the new deadline with its countdown", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/catalogs`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hq-risk-list-")), "mps-risk-list.yaml");
    writeFileSync(file, LIST_YAML);
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Nhập tệp" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent().catch(() => "")).toContain("125/2026/TT-BCA");

    // The worker applies the publication: poll the dashboard until the SKU has its deadline.
    const row = page.locator(`[data-testid="deadline-row"][data-sku="${MODEL}"]`);
    await expect
      .poll(async () => {
        await page.goto(`${baseUrl}/${orgSlug}`);
        return row.count();
      })
      .toBe(1);
    expect(await page.getByTestId("risk-list-banner").getAttribute("data-status")).toBe("published");
    expect(await row.getAttribute("data-kind")).toBe("declaration");
    expect(await row.getByTestId("deadline-due").textContent()).toBe(new Date(`${DUE}T00:00:00Z`).toLocaleDateString("vi-VN", { timeZone: "UTC" }));
    expect(await row.getByTestId("deadline-countdown").textContent()).toBe(`Còn ${daysUntil(DUE)} ngày`);
    expect(await row.textContent()).toContain("Trung bình");
    await screenshot(page, "dashboard-deadlines");

    // The deadlines page has it too, and so does the SKU page's class origin.
    await page.goto(`${baseUrl}/${orgSlug}/deadlines?riskClass=medium`);
    expect(await page.locator(`[data-testid="deadline-row"][data-sku="${MODEL}"]`).count()).toBe(1);
  });

  it("tells the owner in the app and by e-mail", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/notifications`);
    const list = page.getByTestId("notification-list");
    await list.waitFor();
    expect(await list.textContent()).toContain("125/2026/TT-BCA");

    // signInAsNewOwner names the owner after the organization's suffix.
    const ownerEmail = `owner-${orgSlug.replace(/^e2e-/, "")}@e2e.hopquy.vn`;
    await expect.poll(async () => (await mailsTo(ownerEmail)).map((m) => m.text).join("\n"), { timeout: 90_000 }).toContain("125/2026/TT-BCA");
  });

  it("puts the deadline in the calendar feed", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/settings`);
    await page.getByTestId("calendar-feed").getByRole("button").first().click();
    const url = (await page.getByTestId("calendar-feed-url").textContent())!;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const ics = await response.text();
    const skuId = skuUrl.split("/").pop()!;
    expect(ics).toContain(`UID:${skuId}-declaration@hopquy`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${DUE.replaceAll("-", "")}`);
  });
});
