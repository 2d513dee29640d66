import { readMailEnv } from "@hopquy/core";
import { readStorageEnv } from "@hopquy/storage";
import { z } from "zod";

// Validated once at server start (instrumentation.ts): a missing or malformed variable stops the
// app with a message naming it.
const webEnvSchema = z
  .object({
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET is required (at least 32 random characters; `npm run setup` generates one)" })
      .min(32, "AUTH_SECRET must be at least 32 characters"),
    AUTH_TRUST_HOST: z.enum(["true", "false"]).optional(),
    AUTH_URL: z.string().url("AUTH_URL must be a URL like http://localhost:3000").optional(),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL").optional(),
  })
  .refine((env) => env.AUTH_TRUST_HOST === "true" || env.AUTH_URL, {
    message: "Set AUTH_URL (public URL of the app) or AUTH_TRUST_HOST=true (behind a trusted proxy / localhost)",
    path: ["AUTH_URL"],
  });

export function validateWebEnv(source: Record<string, string | undefined> = process.env): void {
  const parsed = webEnvSchema.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
  // Evidence uploads need a working blob store: a bad STORAGE_* setting stops the start too.
  try {
    readStorageEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    lines.push(`  - ${(error as Error).message}`);
  }
  // Malformed SMTP settings stop the start; absent ones only mean e-mails wait (a banner says so).
  try {
    readMailEnv(source as NodeJS.ProcessEnv);
  } catch (error) {
    lines.push(`  - ${(error as Error).message}`);
  }
  if (lines.length) throw new Error(`HopQuy cannot start, the environment is invalid:\n${lines.join("\n")}`);
}
