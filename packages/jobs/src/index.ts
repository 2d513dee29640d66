export { enqueue, enqueueHealthCheck, enqueueEvidenceExpirySweep, enqueueOrganizationRemap, enqueueImportRun, enqueueCatalogImpact, enqueueEmailDeliveries, enqueueRiskListImpact, getQueue, closeQueues, waitForJobResult, pingRedis } from "./queue";
export { JOBS, QUEUES, type JobName, type JobPayload, type QueueName } from "./definitions";
export { readJobsEnv } from "./env";
export { JOB_SCHEDULES, registerJobSchedulers } from "./schedules";
