// Retries of one outbox row: 1, 2, 4 … minutes apart (at most 6 hours), given up after 8 attempts
// (about 4 hours of trying). The lease is far longer than one SMTP exchange (its timeouts are 15-30 s).
export const EMAIL_DELIVERY_POLICY = {
  maxAttempts: 8,
  leaseMs: 5 * 60_000,
  baseBackoffMs: 60_000,
  maxBackoffMs: 6 * 3600_000,
  // Rows the one-minute flush hands to email.deliver per run.
  flushBatch: 200,
} as const;

// `attempts` counts the tries made so far, the failed one included.
export function emailRetryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(EMAIL_DELIVERY_POLICY.baseBackoffMs * 2 ** exponent, EMAIL_DELIVERY_POLICY.maxBackoffMs);
}

// Refusals that a retry cannot fix: the server rejected the recipient with a 5xx answer.
export function isPermanentSmtpFailure(error: unknown): boolean {
  const e = error as { responseCode?: unknown; command?: unknown } | null;
  return typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && e.command === "RCPT TO";
}
