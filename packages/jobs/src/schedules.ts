import { BUSINESS_TIME_ZONE } from "@hopquy/core";
import { Queue } from "bullmq";
import { createRedisConnection } from "./connection";
import { JOBS, type JobName, type JobPayload, type QueueName } from "./definitions";
import { readJobsEnv } from "./env";
import { DEFAULT_JOB_OPTIONS } from "./queue";

interface JobSchedule<N extends JobName> {
  // Stable: registering again under the same id updates the one scheduler instead of adding one.
  id: string;
  job: N;
  pattern: string;
  tz: string;
  payload: JobPayload<N>;
}

const schedule = <N extends JobName>(s: JobSchedule<N>) => s;

export const JOB_SCHEDULES = [
  // 01:00 in Vietnam: right after the calendar day in which evidence is last valid has ended.
  schedule({ id: "evidence-expiry-sweep-daily", job: "evidence.expiry-sweep", pattern: "0 1 * * *", tz: BUSINESS_TIME_ZONE, payload: {} }),
  // The outbox safety net: catches rows whose enqueue failed and retries that are due.
  schedule({ id: "email-flush-every-minute", job: "email.flush", pattern: "* * * * *", tz: BUSINESS_TIME_ZONE, payload: {} }),
  // 07:00 in Vietnam: the digest arrives at the start of the working day, after the 01:00 sweep.
  schedule({ id: "email-digest-daily", job: "email.digest", pattern: "0 7 * * *", tz: BUSINESS_TIME_ZONE, payload: {} }),
];

// Called at every worker start; idempotent (BullMQ upserts by scheduler id).
export async function registerJobSchedulers(): Promise<void> {
  const connection = createRedisConnection("queue");
  const queues = new Map<QueueName, Queue>();
  try {
    for (const s of JOB_SCHEDULES) {
      const definition = JOBS[s.job];
      let queue = queues.get(definition.queue);
      if (!queue) {
        queue = new Queue(definition.queue, { connection, prefix: readJobsEnv().BULLMQ_PREFIX });
        queues.set(definition.queue, queue);
      }
      await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, { name: s.job, data: definition.payload.parse(s.payload), opts: DEFAULT_JOB_OPTIONS });
    }
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
    connection.disconnect();
  }
}
