import { createHash, randomBytes } from "node:crypto";

// 256 random bits for a link (invitation, password reset); only the sha256 is stored, so a database
// leak leaks no usable links.
export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
