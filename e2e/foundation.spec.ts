// The first journey of every customer: an empty instance, the owner creates the account, opens a
// second organization (a consultant's client), switches between them, invites a colleague who signs
// up through the link; then brute force against that colleague's account is locked out.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot } from "./support/browser";
import { alertText } from "./support/page-text";

const baseUrl = inject("baseUrl");
const ownerEmail = "chu.so.huu@hopquy-e2e.vn";
const ownerPassword = "Mật-khẩu-rất-dài-2026";
const colleagueEmail = "dong.nghiep@hopquy-e2e.vn";
const colleaguePassword = "colleague-Pass-2026!";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "vi-VN" });
});

afterAll(async () => {
  await browser?.close();
});


async function selectedOrganizationHeading(p: Page) {
  return (await p.getByTestId("org-name").textContent())?.trim();
}

describe("foundation journey", () => {
  it("sends the first visitor of an empty instance to owner setup", async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/setup$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Khởi tạo HopQuy");
  });

  it("serves security headers", async () => {
    const response = await fetch(`${baseUrl}/sign-in`, { redirect: "manual" });
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("rejects a weak password without creating anything", async () => {
    await page.fill("#name", "Nguyễn Văn Chủ");
    await page.fill("#email", ownerEmail);
    await page.fill("#password", "short");
    await page.fill("#organizationName", "Công ty Camera Sài Gòn");
    await page.locator("#password").evaluate((el) => el.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Tạo tài khoản chủ sở hữu" }).click();
    await expect.poll(() => alertText(page)).toContain("ít nhất 12 ký tự");
    expect(page.url()).toMatch(/\/setup$/);
  });

  it("creates the owner and the first organization, signed in", async () => {
    await page.fill("#password", ownerPassword);
    await page.getByRole("button", { name: "Tạo tài khoản chủ sở hữu" }).click();
    await page.waitForURL(/\/cong-ty-camera-sai-gon$/);
    expect(await selectedOrganizationHeading(page)).toBe("Công ty Camera Sài Gòn");
    expect(await page.getByTestId("member-count").textContent()).toBe("1");
    expect(await page.getByTestId("my-role").textContent()).toBe("Chủ sở hữu");
  });

  it("does not offer setup again once an owner exists", async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${baseUrl}/setup`);
    await fresh.waitForURL(/\/sign-in$/);
    await fresh.close();
  });

  it("creates a second organization and switches between them", async () => {
    await page.getByLabel("Chuyển tổ chức").selectOption("__new");
    await page.waitForURL(/\/orgs\/new$/);
    await page.fill("#name", "Nhà nhập khẩu Hà Nội");
    await page.selectOption("#kind", "importer");
    await page.getByRole("button", { name: "Tạo tổ chức" }).click();
    await page.waitForURL(/\/nha-nhap-khau-ha-noi$/);
    expect(await selectedOrganizationHeading(page)).toBe("Nhà nhập khẩu Hà Nội");

    await page.getByLabel("Chuyển tổ chức").selectOption("cong-ty-camera-sai-gon");
    await page.waitForURL(/\/cong-ty-camera-sai-gon$/);
    await expect.poll(() => selectedOrganizationHeading(page)).toBe("Công ty Camera Sài Gòn");
  });

  it("switches the interface to English and back", async () => {
    await page.getByLabel("Ngôn ngữ").first().selectOption("en");
    await expect.poll(() => page.getByTestId("my-role").textContent()).toBe("Owner");
    await page.getByLabel("Language").first().selectOption("vi");
    await expect.poll(() => page.getByTestId("my-role").textContent()).toBe("Chủ sở hữu");
  });

  let inviteLink = "";
  it("invites a colleague as contributor and shows the link once", async () => {
    await page.goto(`${baseUrl}/cong-ty-camera-sai-gon/members`);
    await page.fill("#invite-email", colleagueEmail);
    await page.selectOption("#invite-role", "contributor");
    await page.getByRole("button", { name: "Gửi lời mời" }).click();
    const link = page.getByTestId("invite-link");
    await link.waitFor();
    inviteLink = (await link.textContent()) ?? "";
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    await expect.poll(() => page.getByTestId("pending-invitations").textContent()).toContain(colleagueEmail);
    await screenshot(page, "foundation-members-invited");
  });

  it("lets the colleague sign up through the invitation and lands in the organization", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const colleague = await context.newPage();
    await colleague.goto(inviteLink);
    await expect.poll(() => colleague.locator("h1").textContent()).toContain("Công ty Camera Sài Gòn");
    await colleague.fill("#name", "Trần Thị Đồng Nghiệp");
    await colleague.fill("#password", colleaguePassword);
    await colleague.getByRole("button", { name: "Tạo tài khoản và tham gia" }).click();
    await colleague.waitForURL(/\/cong-ty-camera-sai-gon$/);
    expect(await colleague.getByTestId("my-role").textContent()).toBe("Cộng tác viên");
    expect(await colleague.getByTestId("member-count").textContent()).toBe("2");
    // The colleague is not a member of the owner's second organization.
    const response = await colleague.goto(`${baseUrl}/nha-nhap-khau-ha-noi`);
    expect(response?.status()).toBe(404);
    await screenshot(colleague, "foundation-colleague-dashboard");

    // The link is single-use.
    await colleague.goto(inviteLink);
    await expect.poll(() => alertText(colleague)).toContain("không tồn tại");
    await context.close();
  });

  it("locks the colleague's account after 5 wrong passwords, even for the right one", async () => {
    const context = await browser.newContext({ locale: "vi-VN" });
    const attacker = await context.newPage();
    await attacker.goto(`${baseUrl}/sign-in`);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await attacker.fill("#email", colleagueEmail);
      await attacker.fill("#password", `wrong-password-${attempt}`);
      await attacker.getByRole("button", { name: "Đăng nhập" }).click();
      const expected = attempt < 5 ? "Email hoặc mật khẩu không đúng" : "tạm khóa";
      await expect.poll(() => alertText(attacker)).toContain(expected);
    }
    await attacker.fill("#password", colleaguePassword);
    await attacker.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => alertText(attacker)).toContain("tạm khóa");
    expect(attacker.url()).toMatch(/\/sign-in$/);
    await screenshot(attacker, "foundation-lockout");
    await context.close();
  });

  it("signs the owner out and back in", async () => {
    await page.goto(`${baseUrl}/cong-ty-camera-sai-gon`);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${baseUrl}/cong-ty-camera-sai-gon`);
    await page.waitForURL(/\/sign-in/);
    await page.fill("#email", ownerEmail);
    await page.fill("#password", ownerPassword);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/cong-ty-camera-sai-gon$/);
    await screenshot(page, "foundation-dashboard");
  });
});
