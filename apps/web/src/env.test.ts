import { describe, expect, it } from "vitest";
import { validateWebEnv } from "./env";

const valid = { AUTH_SECRET: "x".repeat(32), AUTH_TRUST_HOST: "true" };

describe("validateWebEnv", () => {
  it("accepts a complete environment", () => {
    expect(() => validateWebEnv(valid)).not.toThrow();
    expect(() => validateWebEnv({ AUTH_SECRET: "y".repeat(40), AUTH_URL: "https://hopquy.example.vn" })).not.toThrow();
  });

  it("names a missing AUTH_SECRET", () => {
    expect(() => validateWebEnv({ AUTH_TRUST_HOST: "true" })).toThrow(/AUTH_SECRET: AUTH_SECRET is required/);
  });

  it("rejects a short secret", () => {
    expect(() => validateWebEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
  });

  it("requires AUTH_URL or AUTH_TRUST_HOST", () => {
    expect(() => validateWebEnv({ AUTH_SECRET: valid.AUTH_SECRET })).toThrow(/AUTH_URL: Set AUTH_URL/);
  });

  it("names malformed URLs", () => {
    expect(() => validateWebEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => validateWebEnv({ ...valid, REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL/);
    expect(() => validateWebEnv({ AUTH_SECRET: valid.AUTH_SECRET, AUTH_URL: "not a url" })).toThrow(/AUTH_URL must be a URL/);
  });

  it("names a storage setting that cannot work, together with other problems", () => {
    expect(() => validateWebEnv({ ...valid, STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER must be local or s3/);
    expect(() => validateWebEnv({ AUTH_TRUST_HOST: "true", STORAGE_DRIVER: "s3", S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/AUTH_SECRET[\s\S]*S3_BUCKET is required when STORAGE_DRIVER=s3/);
  });

  it("accepts no SMTP settings (e-mails wait) and names malformed ones", () => {
    expect(() => validateWebEnv({ ...valid, SMTP_HOST: "smtp.example.vn", MAIL_FROM: "HopQuy <no-reply@example.vn>", SMTP_PORT: "587" })).not.toThrow();
    expect(() => validateWebEnv({ ...valid, SMTP_HOST: "smtp.example.vn" })).toThrow(/MAIL_FROM is required when SMTP_HOST is set/);
    expect(() => validateWebEnv({ ...valid, APP_URL: "hopquy.example.vn" })).toThrow(/APP_URL/);
  });
});
