import { z } from "zod";

// Defaults point at the local services a newcomer has (README); production sets them explicitly.
const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a postgresql:// URL")
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL must start with postgresql://")
    .default("postgresql://postgres@127.0.0.1:5432/hopquy"),
});

export type DbEnv = z.infer<typeof dbEnvSchema>;

export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid database environment: ${problems}`);
  }
  return parsed.data;
}
