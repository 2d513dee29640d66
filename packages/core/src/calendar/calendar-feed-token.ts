import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// 256 random bits in the feed URL (43 base64url characters); only the sha256 is stored, so a database
// leak leaks no usable feed. A calendar app that holds the URL can read the feed; nothing else can.
export function newCalendarFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashCalendarFeedToken(token) };
}

export function hashCalendarFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const calendarFeedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
