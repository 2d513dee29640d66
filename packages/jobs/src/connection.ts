import { Redis } from "ioredis";
import { readJobsEnv } from "./env";

// Workers block on Redis: BullMQ requires maxRetriesPerRequest = null for their connections.
export function createRedisConnection(role: "queue" | "worker"): Redis {
  const { REDIS_URL } = readJobsEnv();
  return new Redis(REDIS_URL, {
    maxRetriesPerRequest: role === "worker" ? null : 3,
    enableReadyCheck: true,
  });
}
