import { describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";

describe("readJobsEnv", () => {
  it("defaults to the local Redis, the hopquy prefix and two workers", () => {
    expect(readJobsEnv({})).toEqual({ REDIS_URL: "redis://127.0.0.1:6379", BULLMQ_PREFIX: "hopquy", WORKER_CONCURRENCY: 2 });
  });

  it("reads explicit values and coerces the concurrency", () => {
    expect(readJobsEnv({ REDIS_URL: "rediss://cache:6380/1", BULLMQ_PREFIX: "hq-test:run_1", WORKER_CONCURRENCY: "8" })).toEqual({
      REDIS_URL: "rediss://cache:6380/1",
      BULLMQ_PREFIX: "hq-test:run_1",
      WORKER_CONCURRENCY: 8,
    });
  });

  it.each([
    [{ REDIS_URL: "http://127.0.0.1:6379" }, /REDIS_URL/],
    [{ BULLMQ_PREFIX: "has space" }, /BULLMQ_PREFIX/],
    [{ BULLMQ_PREFIX: "" }, /BULLMQ_PREFIX/],
    [{ WORKER_CONCURRENCY: "0" }, /WORKER_CONCURRENCY/],
    [{ WORKER_CONCURRENCY: "33" }, /WORKER_CONCURRENCY/],
    [{ WORKER_CONCURRENCY: "two" }, /WORKER_CONCURRENCY/],
  ])("rejects %j", (env, problem) => {
    expect(() => readJobsEnv(env)).toThrow(problem);
  });
});
