import { describe, expect, it } from "vitest";
import { EMAIL_DELIVERY_POLICY, emailRetryDelayMs, isPermanentSmtpFailure } from "./email-delivery-policy";

describe("email delivery policy", () => {
  it("backs off exponentially from one minute, capped at six hours", () => {
    expect([1, 2, 3, 4].map(emailRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(emailRetryDelayMs(20)).toBe(6 * 3600_000);
    expect(emailRetryDelayMs(0)).toBe(60_000);
  });

  it("gives up within a working day, and the lease outlasts any SMTP timeout", () => {
    let total = 0;
    for (let attempt = 1; attempt < EMAIL_DELIVERY_POLICY.maxAttempts; attempt += 1) total += emailRetryDelayMs(attempt);
    expect(total).toBeLessThan(8 * 3600_000);
    expect(EMAIL_DELIVERY_POLICY.leaseMs).toBeGreaterThan(60_000);
  });

  it("treats only a 5xx refusal of the recipient as permanent", () => {
    expect(isPermanentSmtpFailure({ responseCode: 550, command: "RCPT TO" })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451, command: "RCPT TO" })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 535, command: "AUTH PLAIN" })).toBe(false);
    expect(isPermanentSmtpFailure(new Error("ECONNREFUSED"))).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });
});
