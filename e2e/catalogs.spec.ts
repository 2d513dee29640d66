// Browsing the regulation catalogs: from a QCVN 11 requirement group down to the ETSI provisions
// behind a clause, the crosswalk, and a platform admin's import with line-numbered errors.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { signInAsNewOwner } from "./support/accounts";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let orgSlug: string;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
  orgSlug = await signInAsNewOwner(page, baseUrl, { platformAdmin: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("catalog browser", () => {
  it("lists the shipped catalogs, QCVN 11 flagged provisional", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/catalogs`);
    const table = page.getByTestId("catalog-versions");
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    for (const regulation of ["QCVN_11_2026_BCA", "QCVN_135_2024_BTTTT", "ETSI_EN_303_645", "ETSI_TS_103_701"]) expect(text).toContain(regulation);
    expect(text).toContain("Tạm thời");
  });

  it("browses from a QCVN 11 requirement group to the ETSI provisions behind a clause", async () => {
    await page.getByRole("link", { name: /QCVN 11:2026\/BCA/ }).first().click();
    await page.getByTestId("provisional-note").waitFor();
    const group = page.getByTestId("group-HQ11-G01");
    expect(await group.locator("h2").textContent()).toContain("Quản lý mật khẩu và xác thực");
    await group.getByRole("link", { name: "HQ11-G01-01" }).click();
    const incoming = page.getByTestId("related-in");
    await incoming.waitFor();
    const rows = (await incoming.textContent()) ?? "";
    expect(rows).toContain("ETSI_EN_303_645 V2.1.1");
    expect(rows).toContain("5.1-1");
    expect(rows).toContain("QCVN_135_2024_BTTTT");
    expect(rows).toContain("2.1.1");
    expect(rows).toContain("tương đương");
    await screenshot(page, "catalogs-clause-relations");

    // Follow the mapping to the ETSI provision itself.
    await incoming.getByRole("link", { name: /5\.1-1/ }).first().click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("5.1-1");
    expect(await page.getByTestId("related-out").textContent()).toContain("HQ11-G01-01");
  });

  it("shows the crosswalk QCVN 135 <-> QCVN 11 <-> ETSI", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/catalogs/crosswalk`);
    const row = page.getByTestId("crosswalk-HQ11-G01-01");
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("2.1.1");
    expect(text).toContain("5.1-1");
    await screenshot(page, "catalogs-crosswalk");
  });

  it("opens a mapping set with its decisions and rationale", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/catalogs`);
    await page.getByRole("link", { name: /^QCVN 135:2024\/BTTTT -> QCVN 11:2026\/BCA/ }).click();
    const table = page.getByTestId("mapping-set-mappings");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(39);
    expect(await table.textContent()).toContain("HQ11-G01-01");
    expect(await page.getByTestId("mapping-set-changes").textContent()).toContain("Đây là bản đầu tiên");
  });

  it("rejects an invalid import with line numbers and changes nothing", async () => {
    await page.goto(`${baseUrl}/${orgSlug}/catalogs`);
    const before = await page.getByTestId("catalog-versions").locator("tbody tr").count();
    const dir = mkdtempSync(path.join(os.tmpdir(), "hq-import-"));
    const file = path.join(dir, "broken-catalog.yaml");
    writeFileSync(
      file,
      [
        "kind: catalog",
        "regulation: TEST_BROKEN",
        "version: '1'",
        "provisional: true",
        "title: { en: Broken }",
        "codeScheme: derived",
        "sources: [{ id: test, citation: test }]",
        "notes: []",
        "groups:",
        "  - { code: G1, title: { en: Group }, source: test }",
        "clauses:",
        "  - { code: C1, group: G1, title: { en: One }, source: test }",
        "  - { code: C2, group: NOPE, title: { en: Two }, source: test }",
        "",
      ].join("\n"),
    );
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Nhập tệp" }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Dòng 13/);
    await page.reload();
    expect(await page.getByTestId("catalog-versions").locator("tbody tr").count()).toBe(before);
  });
});
