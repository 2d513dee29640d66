import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugify } from "./slugify";

describe("slugify", () => {
  it.each([
    ["Công ty Đức Anh", "cong-ty-duc-anh"],
    ["CÔNG TY TNHH ĐẠI PHÁT", "cong-ty-tnhh-dai-phat"],
    ["Nguyễn Thị Thủy", "nguyen-thi-thuy"],
    ["Đường Sữa Ưu Việt", "duong-sua-uu-viet"],
    ["đđ ĐĐ", "dd-dd"],
  ])("strips Vietnamese diacritics and maps đ/Đ to d: %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("treats precomposed (NFC) and decomposed (NFD) input alike", () => {
    const name = "Hà Nội Phở";
    expect(slugify(name.normalize("NFC"))).toBe("ha-noi-pho");
    expect(slugify(name.normalize("NFD"))).toBe("ha-noi-pho");
  });

  it.each([
    ["Nguyễn & Cộng sự!!", "nguyen-cong-su"],
    ["Phở 24/7 (Hà Nội)", "pho-24-7-ha-noi"],
    ["  --Acme,   Inc.--  ", "acme-inc"],
    ["a_b.c", "a-b-c"],
  ])("collapses punctuation and whitespace into single dashes: %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("caps the length at 40 characters", () => {
    expect(slugify("x".repeat(60))).toBe("x".repeat(40));
  });

  it("does not end with a dash when the cap falls on a separator", () => {
    const slug = slugify("ab ".repeat(30)); // "ab-ab-...": the 40th character is a dash
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/-$/);
    expect(slug).toBe("ab-".repeat(13) + "a");
  });

  it.each([
    ["A", "org-a"],
    ["Z.", "org-z"],
    ["Ư", "org-u"],
    ["", "org"],
    ["!!!", "org"],
    ["公司", "org"],
  ])("pads names that leave fewer than 2 characters: %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("keeps two-character names as they are", () => {
    expect(slugify("Ab")).toBe("ab");
  });

  it("only ever yields URL-safe slugs", () => {
    for (const name of ["Công ty Đức Anh", "!!!", "x".repeat(99), "a/b?c#d", "Ω≈ç√"]) {
      expect(slugify(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("reserves top-level route names", () => {
    for (const reserved of ["api", "setup", "sign-in", "admin", "settings"]) {
      expect(RESERVED_SLUGS.has(reserved)).toBe(true);
    }
    expect(RESERVED_SLUGS.has(slugify("Sign In"))).toBe(true);
  });
});
