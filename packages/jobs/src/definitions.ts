// Every job: its queue, its payload schema (checked at enqueue and again at dequeue), its handler.
// Payloads carry ids only; documents and secrets never sit in Redis.
import { z } from "zod";
import { runCatalogImpactJob } from "./handlers/catalog-impact";
import { runDeliverEmailJob } from "./handlers/deliver-email";
import { runFlushEmailOutboxJob } from "./handlers/flush-email-outbox";
import { runSendEmailDigestJob } from "./handlers/send-email-digest";
import { runEvidenceExpirySweep } from "./handlers/evidence-expiry-sweep";
import { runHealthCheck } from "./handlers/health";
import { runImportJob, type JobAttempt } from "./handlers/import-run";
import { runOrganizationRemapJob } from "./handlers/organization-remap";
import { runRiskListImpactJob } from "./handlers/risk-list-impact";

// "compliance" carries long organization-wide runs so they never delay health checks and sweeps.
// "mail" delivers the outbox, so e-mails never wait behind a sweep or an impact run.
export const QUEUES = ["system", "compliance", "mail"] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOBS = {
  "system.health": {
    queue: "system",
    payload: z.object({ requestedAt: z.iso.datetime(), requestId: z.string().min(1).max(64) }),
    handler: runHealthCheck,
  },
  "evidence.expiry-sweep": {
    queue: "system",
    // `today` re-runs a given day; scheduled runs carry neither field and use the current Vietnamese day.
    payload: z.object({ today: z.iso.date().optional(), requestedAt: z.iso.datetime().optional() }),
    handler: runEvidenceExpirySweep,
  },
  "remap.organization": {
    queue: "compliance",
    payload: z.object({ organizationId: z.string().min(1).max(64), runId: z.string().min(1).max(64) }),
    handler: runOrganizationRemapJob,
  },
  // An import run of the wizard (SKU lists today); the run row holds the file reference and mapping.
  "import.run": {
    queue: "compliance",
    payload: z.object({ organizationId: z.string().min(1).max(64), runId: z.string().min(1).max(64) }),
    handler: runImportJob,
  },
  // A publication that created a new revision (admin import); the id is the new catalog version or mapping set.
  "catalog.impact": {
    queue: "compliance",
    payload: z.object({ kind: z.enum(["catalog", "mapping-set"]), id: z.string().min(1).max(64) }),
    handler: runCatalogImpactJob,
  },
  // A new risk-list revision (admin import or a changed shipped file): re-classify SKUs, notify.
  "risk-list.impact": {
    queue: "compliance",
    payload: z.object({ riskListId: z.string().min(1).max(64) }),
    handler: runRiskListImpactJob,
  },
  // One outbox row (EmailMessage id); the row holds the message, Redis only the id.
  "email.deliver": {
    queue: "mail",
    payload: z.object({ id: z.string().min(1).max(64) }),
    handler: runDeliverEmailJob,
  },
  // Every minute: rows never enqueued, due for a retry, or with an expired lease.
  "email.flush": {
    queue: "mail",
    payload: z.object({}),
    handler: runFlushEmailOutboxJob,
  },
  // Daily digest of notifications; `day` re-runs a given Vietnamese day.
  "email.digest": {
    queue: "mail",
    payload: z.object({ day: z.iso.date().optional() }),
    handler: runSendEmailDigestJob,
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType; handler: (payload: never, progress: (p: number) => Promise<void>, attempt: JobAttempt) => Promise<unknown> }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
