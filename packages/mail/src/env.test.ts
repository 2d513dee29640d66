import { describe, expect, it } from "vitest";
import { isMailConfigured, readMailEnv } from "./env";

describe("readMailEnv", () => {
  it("without SMTP_HOST e-mail is not configured; APP_URL defaults to the local app", () => {
    const env = readMailEnv({ SMTP_HOST: "" });
    expect(env).toEqual({ appUrl: "http://localhost:3000", smtp: null });
    expect(isMailConfigured(env)).toBe(false);
  });

  it("reads a full SMTP setting; port and TLS follow each other when one is missing", () => {
    const env = readMailEnv({ SMTP_HOST: "smtp.example.vn", SMTP_USER: "u", SMTP_PASSWORD: "p", MAIL_FROM: "HopQuy <no-reply@example.vn>", APP_URL: "https://hq.example.vn/" });
    expect(env).toEqual({ appUrl: "https://hq.example.vn", smtp: { host: "smtp.example.vn", port: 587, secure: false, auth: { user: "u", pass: "p" }, from: "HopQuy <no-reply@example.vn>" } });
    expect(isMailConfigured(env)).toBe(true);
    expect(readMailEnv({ SMTP_HOST: "h", MAIL_FROM: "a@b.c", SMTP_PORT: "465" }).smtp).toMatchObject({ port: 465, secure: true, auth: undefined });
    expect(readMailEnv({ SMTP_HOST: "h", MAIL_FROM: "a@b.c", SMTP_SECURE: "true" }).smtp).toMatchObject({ port: 465, secure: true });
  });

  it.each([
    [{ SMTP_HOST: "h" }, "MAIL_FROM"],
    [{ SMTP_HOST: "h", MAIL_FROM: "a@b.c", SMTP_PORT: "smtp" }, "SMTP_PORT"],
    [{ SMTP_HOST: "h", MAIL_FROM: "a@b.c", SMTP_SECURE: "yes" }, "SMTP_SECURE"],
    [{ SMTP_HOST: "h", MAIL_FROM: "a@b.c", SMTP_USER: "u" }, "SMTP_PASSWORD"],
    [{ APP_URL: "ftp://x" }, "APP_URL"],
  ])("names the malformed variable in %j", (source, name) => {
    expect(() => readMailEnv(source)).toThrow(name);
  });
});
