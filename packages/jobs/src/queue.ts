import { logger } from "@hopquy/core";
import { Queue, QueueEvents, type JobSchedulerTemplateOptions } from "bullmq";
import type { Redis } from "ioredis";
import { createRedisConnection } from "./connection";
import { JOBS, type JobName, type JobPayload, type QueueName } from "./definitions";
import { readJobsEnv } from "./env";

let connection: Redis | undefined;
const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    connection ??= createRedisConnection("queue");
    queue = new Queue(name, { connection, prefix: readJobsEnv().BULLMQ_PREFIX });
    queues.set(name, queue);
  }
  return queue;
}

// Retries and retention of every job, enqueued or scheduled.
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobSchedulerTemplateOptions;

// Typed, validated enqueue. `jobId` (when given) deduplicates at the BullMQ layer.
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId?: string } = {}) {
  const definition = JOBS[name];
  const data = definition.payload.parse(payload);
  return getQueue(definition.queue).add(name, data, { ...DEFAULT_JOB_OPTIONS, jobId: options.jobId });
}

export function enqueueHealthCheck(requestId: string) {
  return enqueue("system.health", { requestedAt: new Date().toISOString(), requestId });
}

export function enqueueEvidenceExpirySweep(today?: string) {
  return enqueue("evidence.expiry-sweep", { today, requestedAt: new Date().toISOString() });
}

// One job per run: the run id doubles as the BullMQ job id, so a double submit queues it once.
export function enqueueOrganizationRemap(organizationId: string, runId: string) {
  return enqueue("remap.organization", { organizationId, runId }, { jobId: `remap-${runId}` });
}

export function enqueueImportRun(organizationId: string, runId: string) {
  return enqueue("import.run", { organizationId, runId }, { jobId: `import-${runId}` });
}

// One job per publication: the id names it, so a double enqueue queues it once.
export function enqueueCatalogImpact(publication: { kind: "catalog" | "mapping-set"; id: string }) {
  return enqueue("catalog.impact", publication, { jobId: `catalog-impact-${publication.kind}-${publication.id}` });
}

export function enqueueRiskListImpact(riskListId: string) {
  return enqueue("risk-list.impact", { riskListId }, { jobId: `risk-list-impact-${riskListId}` });
}

const ENQUEUE_EMAIL_TIMEOUT_MS = 3_000;

// After the commit that wrote outbox rows. Best effort: a failed enqueue is logged and the
// one-minute email.flush picks the row up. The attempt number is in the job id, so each attempt of
// a row is queued once however often it is offered (a fresh row is attempt 0).
export async function enqueueEmailDeliveries(messages: readonly (string | { id: string; attempts: number })[]): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const { id, attempts } = typeof message === "string" ? { id: message, attempts: 0 } : message;
      try {
        // A request must not hang on an unreachable Redis: give up after a moment, the flush follows.
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("enqueue timed out")), ENQUEUE_EMAIL_TIMEOUT_MS);
        });
        await Promise.race([enqueue("email.deliver", { id }, { jobId: `email-${id}-${attempts}` }), timeout]).finally(() => clearTimeout(timer));
      } catch (err) {
        logger.warn({ err, emailMessageId: id }, "could not enqueue e-mail delivery; the flush will retry");
      }
    }),
  );
}

// Waits for a job's result (used by the health endpoint and tests).
export async function waitForJobResult(queueName: QueueName, jobId: string, timeoutMs: number): Promise<unknown> {
  // BullMQ never closes a connection it is handed (QueueEvents works on a duplicate), so we close ours.
  const eventsConnection = createRedisConnection("worker");
  const events = new QueueEvents(queueName, { connection: eventsConnection, prefix: readJobsEnv().BULLMQ_PREFIX });
  try {
    await events.waitUntilReady();
    const job = await getQueue(queueName).getJob(jobId);
    if (!job) throw new Error(`Job ${jobId} not found`);
    return await job.waitUntilFinished(events, timeoutMs);
  } finally {
    await events.close();
    eventsConnection.disconnect();
  }
}

export async function pingRedis(): Promise<boolean> {
  connection ??= createRedisConnection("queue");
  return (await connection.ping()) === "PONG";
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
  connection?.disconnect();
  connection = undefined;
}
