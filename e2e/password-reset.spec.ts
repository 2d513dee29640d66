// Forgot password end to end: the same answer for any address, a single-use link by e-mail (real
// SMTP), a new password that signs the person in and ends every other session.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsNewOwner } from "./support/accounts";
import { launchBrowser, screenshot } from "./support/browser";
import { mailsTo } from "./support/mailbox";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("forgot password", () => {
  it("e-mails a single-use link; the new password signs in and revokes the other sessions", async () => {
    const oldSession = await browser.newPage({ locale: "vi-VN" });
    const orgSlug = await signInAsNewOwner(oldSession, baseUrl);
    // signInAsNewOwner names the owner after the organization's suffix.
    const email = `owner-${orgSlug.replace(/^e2e-/, "")}@e2e.hopquy.vn`;

    const page = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    // An unknown address gets the same answer and no mail.
    await page.fill("#email", `nobody-${orgSlug}@e2e.hopquy.vn`);
    await page.locator('button[type="submit"]').click();
    const unknownAnswer = await page.getByTestId("reset-requested").textContent();
    await page.goto(`${baseUrl}/forgot-password`);
    await page.fill("#email", email);
    await page.locator('button[type="submit"]').click();
    expect(await page.getByTestId("reset-requested").textContent()).toBe(unknownAnswer);

    let link = "";
    await expect
      .poll(
        async () => {
          const text = (await mailsTo(email)).map((m) => m.text).join("\n");
          link = text.match(/https?:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9_-]+/)?.[0] ?? "";
          return link;
        },
        { timeout: 90_000 },
      )
      .not.toBe("");
    await page.goto(link);
    await page.fill("#password", "a brand new passphrase 2026");
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(new RegExp(`/${orgSlug}$`));
    await screenshot(page, "password-reset-signed-in");

    // The session from before the reset has ended.
    await oldSession.goto(`${baseUrl}/${orgSlug}`);
    await oldSession.waitForURL(/\/sign-in/);

    // The link worked once.
    const again = await (await browser.newContext({ locale: "vi-VN" })).newPage();
    await again.goto(link);
    await again.fill("#password", "another passphrase for 2026");
    await again.locator('button[type="submit"]').click();
    await expect.poll(() => again.getByRole("link", { name: "Yêu cầu liên kết mới" }).count()).toBe(1);

    // And the new password signs in.
    await oldSession.fill("#email", email);
    await oldSession.fill("#password", "a brand new passphrase 2026");
    await oldSession.locator('button[type="submit"]').click();
    await oldSession.waitForURL(new RegExp(`/${orgSlug}$`));
  });
});
