export { enqueue, enqueueHealthCheck, getQueue, closeQueues, waitForJobResult, pingRedis } from "./queue";
export { JOBS, QUEUES, type JobName, type JobPayload, type QueueName } from "./definitions";
export { readJobsEnv } from "./env";
