import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { processJob } from "./runtime";

// processJob only touches the job's name, data and updateProgress; the paths tested here
// all fail before the handler runs, so no Redis or Postgres is involved.
function jobLike(name: string, data: unknown): Job {
  return { name, data, updateProgress: async () => undefined } as unknown as Job;
}

describe("processJob (rejections before the handler runs)", () => {
  it("refuses an unknown job name", async () => {
    await expect(processJob(jobLike("system.nope", {}))).rejects.toThrow("Unknown job system.nope");
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "refuses %s as unknown rather than resolving an Object.prototype member",
    async (name) => {
      await expect(processJob(jobLike(name, {}))).rejects.toThrow(`Unknown job ${name}`);
    },
  );

  it("validates the payload again at dequeue", async () => {
    const error = await processJob(jobLike("system.health", { bad: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["requestedAt", "requestId"]),
    );
  });
});
