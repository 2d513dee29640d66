import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z
  .string()
  .min(12, "password_too_short")
  .max(256, "password_too_long")
  .refine((p) => new Set(p).size >= 5, "password_too_simple");

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps response times alike,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("dummy-password-for-timing-only");
  return dummyHash;
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("invalid_email").max(254, "invalid_email"));
