import { randomUUID } from "node:crypto";
import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so every module reads the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
// Queues of their own per test file: files run in parallel, and a worker started by one file must
// not take (and sit on) a job another file is waiting for.
process.env.BULLMQ_PREFIX = `${inject("redisPrefix")}-${randomUUID().slice(0, 8)}`;
