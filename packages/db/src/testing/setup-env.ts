import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so every module reads the run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.BULLMQ_PREFIX = inject("redisPrefix");
