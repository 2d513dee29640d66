import { describe, expect, it } from "vitest";
import { emailSchema, hashPassword, passwordSchema, verifyPassword } from "./password";

const GOOD_PASSWORD = "correct horse battery staple";

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane)", async () => {
    const hash = await hashPassword(GOOD_PASSWORD);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(GOOD_PASSWORD);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword(GOOD_PASSWORD)).not.toBe(await hashPassword(GOOD_PASSWORD));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword(GOOD_PASSWORD);
    expect(await verifyPassword(hash, GOOD_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, `${GOOD_PASSWORD}!`)).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("refuses hashes that are not argon2 (e.g. the factories' unusable marker) or are malformed", async () => {
    expect(await verifyPassword("!unusable", GOOD_PASSWORD)).toBe(false);
    expect(await verifyPassword("", GOOD_PASSWORD)).toBe(false);
    expect(await verifyPassword("$argon2id$garbage", GOOD_PASSWORD)).toBe(false);
  });
});

describe("passwordSchema", () => {
  it("accepts a long, varied password", () => {
    expect(passwordSchema.safeParse(GOOD_PASSWORD).success).toBe(true);
    expect(passwordSchema.safeParse("Abcde1234567").success).toBe(true);
  });

  it.each([
    ["", "password_too_short"],
    ["Short1!", "password_too_short"],
    ["Abcde123456", "password_too_short"], // 11 characters
    ["x".repeat(257), "password_too_long"],
    ["aaaaaaaaaaaa", "password_too_simple"],
    ["abababababababab", "password_too_simple"],
    ["abcdabcdabcdabcd", "password_too_simple"], // 4 distinct characters
  ])("rejects %j with %s", (password, message) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });
});

describe("emailSchema", () => {
  it("normalises case and surrounding whitespace", () => {
    expect(emailSchema.parse("  Alice.Nguyen@Example.COM \n")).toBe("alice.nguyen@example.com");
  });

  it.each(["", "   ", "not-an-email", "a@", "@example.com", "a b@example.com", "a@example", `${"x".repeat(250)}@example.com`])(
    "rejects %j",
    (email) => {
      const result = emailSchema.safeParse(email);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("invalid_email");
    },
  );
});
