// The health job end to end: enqueue -> Redis -> worker -> Postgres -> result back through Redis.
// Keys live under the run's BULLMQ_PREFIX (injected by the integration setup) and are removed at the end.
import { disconnectRawClient } from "@hopquy/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createRedisConnection } from "./connection";
import { QUEUES } from "./definitions";
import { readJobsEnv } from "./env";
import { closeQueues, enqueue, enqueueHealthCheck, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";

const TIMEOUT_MS = 15_000;

async function pollUntil<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

afterAll(async () => {
  // The runtime starts a worker on every queue, and each leaves keys behind.
  for (const queue of QUEUES) await getQueue(queue).obliterate({ force: true });
  await closeQueues();
  const redis = createRedisConnection("queue");
  try {
    expect(await redis.keys(`${readJobsEnv().BULLMQ_PREFIX}:*`)).toEqual([]);
  } finally {
    redis.disconnect();
  }
});

describe("system.health job", () => {
  let runtime: JobsRuntime | undefined;

  beforeAll(async () => {
    expect(readJobsEnv().BULLMQ_PREFIX).toMatch(/^hq-test-/); // never the real queues
    runtime = await startJobsRuntime();
  });

  afterAll(async () => {
    await runtime?.close();
  });

  it("runs through the worker and returns the database round trip and the request id", async () => {
    const job = await enqueueHealthCheck("req-health-1");
    const result = (await waitForJobResult("system", job.id!, TIMEOUT_MS)) as Record<string, unknown>;
    expect(result).toMatchObject({ requestId: "req-health-1", worker: expect.any(String) });
    expect(typeof result.databaseMs).toBe("number");
    expect(result.databaseMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(result.processedAt as string))).toBe(false);

    const stored = await getQueue("system").getJob(job.id!);
    expect(stored?.progress).toBe(100);
    expect(await stored?.getState()).toBe("completed");
  });

  it("several checks in a row each get their own result", async () => {
    const jobs = await Promise.all(["a", "b", "c"].map((id) => enqueueHealthCheck(`req-${id}`)));
    const results = await Promise.all(jobs.map((j) => waitForJobResult("system", j.id!, TIMEOUT_MS)));
    expect(results.map((r) => (r as { requestId: string }).requestId)).toEqual(["req-a", "req-b", "req-c"]);
  });

  it("rejects a payload that fails the schema at enqueue, before anything reaches Redis", async () => {
    const before = await getQueue("system").getJobCountByTypes("waiting", "active", "delayed", "completed", "failed");
    await expect(enqueue("system.health", { requestedAt: "yesterday", requestId: "x" })).rejects.toBeInstanceOf(ZodError);
    await expect(enqueue("system.health", { requestId: "x" } as never)).rejects.toBeInstanceOf(ZodError);
    await expect(enqueueHealthCheck("")).rejects.toBeInstanceOf(ZodError);
    const after = await getQueue("system").getJobCountByTypes("waiting", "active", "delayed", "completed", "failed");
    expect(after).toBe(before);
  });

  it("a job whose data was corrupted in Redis fails at dequeue validation", async () => {
    const job = await getQueue("system").add("system.health", { bad: 1 });
    await expect(waitForJobResult("system", job.id!, TIMEOUT_MS)).rejects.toThrow(/requestedAt/);

    const stored = await getQueue("system").getJob(job.id!);
    expect(await stored?.getState()).toBe("failed");
    expect(stored?.failedReason).toMatch(/requestedAt/);
    expect(stored?.failedReason).toMatch(/expected string/i);
    expect(stored?.returnvalue ?? null).toBeNull();
  });

  it("a job with an unknown name fails", async () => {
    const job = await getQueue("system").add("system.unknown", {});
    const stored = await pollUntil(
      async () => getQueue("system").getJob(job.id!),
      (j) => j?.failedReason !== undefined && j.failedReason !== null && j.failedReason !== "",
    );
    expect(stored?.failedReason).toBe("Unknown job system.unknown");
    expect(await stored?.getState()).toBe("failed");
  });

  it("a jobId deduplicates enqueues", async () => {
    const payload = { requestedAt: new Date().toISOString(), requestId: "dedup" };
    const first = await enqueue("system.health", payload, { jobId: "health-dedup-1" });
    const second = await enqueue("system.health", payload, { jobId: "health-dedup-1" });
    expect(second.id).toBe(first.id);
    await waitForJobResult("system", first.id!, TIMEOUT_MS);
  });
});

describe("shutdown", () => {
  const openSockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

  it("closing the runtime and the queues releases every Redis and Postgres connection", async () => {
    await closeQueues();
    await disconnectRawClient();
    const baseline = await pollUntil(openSockets, () => false, 200); // settle after the closes above

    const runtime = await startJobsRuntime();
    for (const id of ["s1", "s2", "s3"]) {
      const job = await enqueueHealthCheck(`req-${id}`);
      await waitForJobResult("system", job.id!, TIMEOUT_MS);
    }
    expect(openSockets()).toBeGreaterThan(baseline);
    await runtime.close();
    await closeQueues();

    expect(await pollUntil(openSockets, (n) => n <= baseline, 5_000)).toBeLessThanOrEqual(baseline);
  });
});
