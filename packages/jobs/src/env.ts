import { z } from "zod";

const jobsEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), "REDIS_URL must start with redis:// or rediss://")
    .default("redis://127.0.0.1:6379"),
  // Key prefix: lets test runs and several instances share one Redis without seeing each other.
  BULLMQ_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]+$/, "BULLMQ_PREFIX: letters, digits, : _ - only").default("hopquy"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
});

export type JobsEnv = z.infer<typeof jobsEnvSchema>;

export function readJobsEnv(source: NodeJS.ProcessEnv = process.env): JobsEnv {
  const parsed = jobsEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid jobs environment: ${problems}`);
  }
  return parsed.data;
}
