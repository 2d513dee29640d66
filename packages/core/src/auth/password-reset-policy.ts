// A reset link works once, for 30 minutes. Requests are throttled per account (3 an hour) and per IP
// address (10 an hour); over the limit the answer is the same but no e-mail is sent.
export const PASSWORD_RESET_POLICY = {
  ttlMs: 30 * 60_000,
  windowMs: 60 * 60_000,
  perAccount: 3,
  perIp: 10,
} as const;
