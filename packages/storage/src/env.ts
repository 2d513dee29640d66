import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { S3StoreConfig } from "./s3-store";

/** packages/storage/src → repository root, so the default does not depend on the working directory. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const REQUIRED_FOR_S3 = ["S3_ENDPOINT", "S3_REGION", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const storageEnvSchema = z
  .object({
    STORAGE_DRIVER: z.enum(["local", "s3"], { error: "STORAGE_DRIVER must be local or s3" }).default("local"),
    STORAGE_LOCAL_ROOT: z.string().default("./storage-data"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "S3_ENDPOINT must be an http(s) URL" }).optional(),
    S3_REGION: z.string().optional(),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z
      .enum(["true", "false", "1", "0"], { error: "S3_FORCE_PATH_STYLE must be true or false" })
      .transform((value) => value === "true" || value === "1")
      .default(false),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_DRIVER !== "s3") return;
    for (const name of REQUIRED_FOR_S3) {
      if (env[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: `${name} is required when STORAGE_DRIVER=s3` });
    }
  });

export type StorageConfig = { driver: "local"; root: string } | { driver: "s3"; s3: S3StoreConfig };

/** Reads and validates the storage settings; relative STORAGE_LOCAL_ROOT values are taken from the repository root. */
export function readStorageEnv(source: NodeJS.ProcessEnv = process.env): StorageConfig {
  // `NAME=` in an env file means unset, not an empty value.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = storageEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid storage environment: ${problems}`);
  }
  const env = parsed.data;
  if (env.STORAGE_DRIVER === "local") return { driver: "local", root: path.resolve(REPO_ROOT, env.STORAGE_LOCAL_ROOT) };
  return {
    driver: "s3",
    s3: {
      endpoint: env.S3_ENDPOINT,
      region: required(env.S3_REGION),
      bucket: required(env.S3_BUCKET),
      credentials: { accessKeyId: required(env.S3_ACCESS_KEY_ID), secretAccessKey: required(env.S3_SECRET_ACCESS_KEY) },
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    },
  };
}

// Narrows values superRefine has already checked.
function required(value: string | undefined): string {
  if (value === undefined) throw new Error("unreachable: checked by the schema");
  return value;
}
