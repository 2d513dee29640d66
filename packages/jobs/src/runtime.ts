import { Worker, type Job } from "bullmq";
import { logger, readMailEnv } from "@hopquy/core";
import { disconnectRawClient } from "@hopquy/db";
import { createRedisConnection } from "./connection";
import { JOBS, QUEUES, type JobName } from "./definitions";
import { readJobsEnv } from "./env";
import { JOB_SCHEDULES, registerJobSchedulers } from "./schedules";

export async function processJob(job: Job): Promise<unknown> {
  // Own keys only: a name like "constructor" must not resolve to an Object.prototype member.
  const definition = Object.hasOwn(JOBS, job.name) ? JOBS[job.name as JobName] : undefined;
  if (!definition) throw new Error(`Unknown job ${job.name}`);
  // Validated again at dequeue: Redis content is not trusted.
  const payload = definition.payload.parse(job.data);
  const attempts = job.opts.attempts ?? 1;
  return definition.handler(
    payload as never,
    async (percent) => {
      await job.updateProgress(percent);
    },
    { made: job.attemptsMade, final: job.attemptsMade + 1 >= attempts },
  );
}

export interface JobsRuntime {
  workers: Worker[];
  close(): Promise<void>;
}

export async function startJobsRuntime(): Promise<JobsRuntime> {
  const env = readJobsEnv();
  // Malformed SMTP settings stop the worker at start rather than failing every delivery later.
  readMailEnv();
  // BullMQ does not close connections it is handed: the runtime owns these and closes them.
  const connections = QUEUES.map(() => createRedisConnection("worker"));
  const workers = QUEUES.map((queue, i) => {
    const worker = new Worker(queue, processJob, {
      connection: connections[i]!,
      prefix: env.BULLMQ_PREFIX,
      concurrency: env.WORKER_CONCURRENCY,
    });
    worker.on("failed", (job, err) => logger.error({ err, jobId: job?.id, job: job?.name }, "job failed"));
    worker.on("completed", (job) => logger.info({ jobId: job.id, job: job.name }, "job completed"));
    worker.on("error", (err) => logger.error({ err, queue }, "worker error"));
    return worker;
  });
  const runtime: JobsRuntime = {
    workers,
    async close() {
      // Finish in-flight jobs, then release connections.
      await Promise.all(workers.map((w) => w.close()));
      for (const connection of connections) connection.disconnect();
      await disconnectRawClient();
    },
  };
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  // Recurring jobs are upserted by stable id: every start re-registers them, none is duplicated.
  await registerJobSchedulers().catch(async (err: unknown) => {
    await runtime.close();
    throw err;
  });
  logger.info({ queues: QUEUES, prefix: env.BULLMQ_PREFIX, schedules: JOB_SCHEDULES.map((s) => s.id) }, "jobs runtime started");
  return runtime;
}
