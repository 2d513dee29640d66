// A consultant serving two client organizations sees both clients' SKUs and coverage on one page,
// without switching organizations, and nothing of an organization they do not belong to.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signInAsNewOwner } from "./support/accounts";
import { registerSku } from "./support/journeys";
import { launchBrowser, screenshot } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let consultant: Page;
let firstClient: string;
let secondClient: string;
const suffix = randomBytes(3).toString("hex");

beforeAll(async () => {
  browser = await launchBrowser();
  consultant = await browser.newPage({ locale: "vi-VN" });
  firstClient = await signInAsNewOwner(consultant, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});


describe("consultant portfolio", () => {
  it("lists every client organization with its SKUs and coverage", async () => {
    await registerSku(consultant, baseUrl, firstClient, `PF-A-${suffix}`);
    await consultant.getByLabel("Chuyển tổ chức").selectOption("__new");
    await consultant.waitForURL(/\/orgs\/new$/);
    await consultant.fill("#name", `Khách hàng thứ hai ${suffix}`);
    await consultant.getByRole("button", { name: "Tạo tổ chức" }).click();
    await consultant.waitForURL(new RegExp(`/khach-hang-thu-hai-${suffix}$`));
    secondClient = new URL(consultant.url()).pathname.slice(1);
    await registerSku(consultant, baseUrl, secondClient, `PF-B-${suffix}`);

    // Someone else's organization, with a SKU the consultant must never see.
    const stranger = await browser.newPage({ locale: "vi-VN" });
    const strangerSlug = await signInAsNewOwner(stranger, baseUrl);
    await registerSku(stranger, baseUrl, strangerSlug, `PF-X-${suffix}`);
    await stranger.close();

    await consultant.goto(`${baseUrl}/portfolio`);
    const organizations = consultant.getByTestId("portfolio-organization");
    await organizations.first().waitFor();
    expect((await organizations.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-slug")))).sort()).toEqual([firstClient, secondClient].sort());
    const first = consultant.locator(`[data-testid="portfolio-organization"][data-slug="${firstClient}"]`);
    expect(await first.getByTestId("portfolio-skus").textContent()).toContain(`PF-A-${suffix}`);
    expect(await first.getByTestId("portfolio-role").textContent()).toContain("Chủ sở hữu");
    const second = consultant.locator(`[data-testid="portfolio-organization"][data-slug="${secondClient}"]`);
    expect(await second.getByTestId("portfolio-skus").textContent()).toContain(`PF-B-${suffix}`);
    expect(await consultant.locator("main, body").first().textContent()).not.toContain(`PF-X-${suffix}`);
    await screenshot(consultant, "portfolio");

    // The matrix link opens that client's matrix directly.
    await second.getByTestId("portfolio-open-matrix").click();
    await consultant.waitForURL(new RegExp(`/${secondClient}/matrix`));
    await consultant.getByTestId("matrix-row").first().waitFor();
    expect(await consultant.getByTestId("matrix-row").count()).toBe(1);
  });
});
