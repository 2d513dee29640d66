// Every job: its queue, its payload schema (checked at enqueue and again at dequeue), its handler.
// Payloads carry ids only; documents and secrets never sit in Redis.
import { z } from "zod";
import { runCatalogImpactJob } from "./handlers/catalog-impact";
import { runEvidenceExpirySweep } from "./handlers/evidence-expiry-sweep";
import { runHealthCheck } from "./handlers/health";
import { runOrganizationRemapJob } from "./handlers/organization-remap";

// "compliance" carries long organization-wide runs so they never delay health checks and sweeps.
export const QUEUES = ["system", "compliance"] as const;
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
  // A publication that created a new revision (admin import); the id is the new catalog version or mapping set.
  "catalog.impact": {
    queue: "compliance",
    payload: z.object({ kind: z.enum(["catalog", "mapping-set"]), id: z.string().min(1).max(64) }),
    handler: runCatalogImpactJob,
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType; handler: (payload: never, progress: (p: number) => Promise<void>) => Promise<unknown> }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
