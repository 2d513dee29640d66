import { advisoryXactLock, tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent, appendAuditEvents } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { logger } from "../logger";
import { assertCan } from "../permissions";
import { dateOfIsoDay } from "../assessments/today";
import { loadRemapWorld, loadSkuRemapInputs } from "./load-remap-world";
import { countRemap, runRemap, writeRemapResults, type RemapCounts } from "./remap-skus";

export const startOrganizationRemapInput = z.object({
  mode: z.enum(["preview", "apply"]),
  retestBefore: z.iso.date("invalid_date").optional().or(z.literal("").transform(() => undefined)),
});

// SKUs per batch: one set of queries and one transaction per batch keeps memory and lock time flat.
export const REMAP_BATCH_SIZE = 250;
const TOP_SKUS = 50;

export interface RemapRunSummary {
  catalog: string;
  mappingSets: string[];
  counts: RemapCounts;
  written: number;
  skus: { skuId: string; modelCode: string; hardwareRevision: string; changed: number; conflicts: number; gaps: number; partials: number; retest: number }[];
}

// Creates the run row (what the page polls) before the job is queued; one run at a time per
// organization. Preview needs read access; applying is a reviewer's decision.
export async function startOrganizationRemap(ctx: TenantContext, rawInput: z.input<typeof startOrganizationRemapInput>) {
  const input = startOrganizationRemapInput.parse(rawInput);
  assertCan(ctx, input.mode === "apply" ? "assessment:decide" : "assessment:read");
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    await advisoryXactLock(tx, `remap-run:${ctx.organizationId}`);
    const active = await tx.remapRun.findFirst({ where: { state: { in: ["queued", "running"] } }, select: { id: true } });
    if (active) throw new AppError("CONFLICT", "A re-mapping is already running", { reason: "remap_running", runId: active.id });
    const skuTotal = await tx.sku.count({ where: { archivedAt: null } });
    const run = await tx.remapRun.create({
      data: {
        organizationId: ctx.organizationId,
        mode: input.mode,
        skuTotal,
        retestBefore: dateOfIsoDay(input.retestBefore),
        requestedById: ctx.userId,
        requestedByEmail: ctx.userEmail,
      },
    });
    await appendAuditEvent(tx, ctx, { action: `remap.${input.mode}_requested`, targetType: "remap_run", targetId: run.id, after: { skuTotal } });
    return run;
  });
}

// The queue could not take the job: the run must not stay "queued" forever.
export async function markRemapRunFailed(organizationId: string, runId: string, error: string) {
  await tenantDb(organizationId).remapRun.updateMany({ where: { id: runId, state: { in: ["queued", "running"] } }, data: { state: "failed", error: error.slice(0, 1000), finishedAt: new Date() } });
}

// Worker side. Idempotent per run: a run that is no longer queued (a retried or duplicated job) is
// left alone. Every batch commits on its own and moves the progress.
export async function runOrganizationRemap(payload: { organizationId: string; runId: string }, onProgress: (done: number, total: number) => Promise<void> = async () => {}) {
  const db = tenantDb(payload.organizationId);
  const claimed = await db.remapRun.updateMany({ where: { id: payload.runId, state: "queued" }, data: { state: "running", startedAt: new Date() } });
  if (claimed.count === 0) return { skipped: true as const };
  const run = await db.remapRun.findUniqueOrThrow({ where: { id: payload.runId } });
  const actor = { organizationId: payload.organizationId, userId: run.requestedById, userEmail: run.requestedByEmail };
  try {
    const world = await loadRemapWorld(db);
    if (!world) throw new AppError("VALIDATION", "No QCVN 11 catalog is published", { reason: "no_target_catalog" });
    const skus = await db.sku.findMany({ where: { archivedAt: null }, orderBy: { id: "asc" }, select: { id: true, modelCode: true, hardwareRevision: true } });
    const retestBefore = run.retestBefore?.toISOString().slice(0, 10) ?? null;
    const totals: RemapCounts = { skus: 0, changed: 0, conflicts: 0, retest: 0, byStatus: {} };
    const perSku: RemapRunSummary["skus"] = [];
    let written = 0;
    await db.remapRun.update({ where: { id: run.id }, data: { skuTotal: skus.length } });
    for (let start = 0; start < skus.length; start += REMAP_BATCH_SIZE) {
      const batch = skus.slice(start, start + REMAP_BATCH_SIZE);
      const results = await db.$transaction(
        async (tx) => {
          const inputs = await loadSkuRemapInputs(tx, world, batch.map((s) => s.id), { retestBefore });
          const batchResults = runRemap(world, inputs);
          if (run.mode === "apply") {
            written += await writeRemapResults(tx, payload.organizationId, inputs, batchResults, { id: run.requestedById ?? "system", email: run.requestedByEmail });
            const events = batchResults
              .map((r) => ({ r, counts: countRemap([r]) }))
              .filter(({ counts }) => counts.changed > 0)
              .map(({ r, counts }) => ({
                action: "assessment.remapped",
                targetType: "sku",
                targetId: r.skuId,
                after: { runId: run.id, changed: counts.changed, conflicts: counts.conflicts, byStatus: counts.byStatus },
              }));
            await appendAuditEvents(tx, actor, events);
          }
          return batchResults;
        },
        { timeout: 120_000 },
      );
      const modelOf = new Map(batch.map((s) => [s.id, s]));
      for (const result of results) {
        const c = countRemap([result]);
        totals.skus += 1;
        totals.changed += c.changed;
        totals.conflicts += c.conflicts;
        totals.retest += c.retest;
        for (const [status, n] of Object.entries(c.byStatus)) totals.byStatus[status] = (totals.byStatus[status] ?? 0) + n;
        const sku = modelOf.get(result.skuId)!;
        perSku.push({
          skuId: sku.id,
          modelCode: sku.modelCode,
          hardwareRevision: sku.hardwareRevision,
          changed: c.changed,
          conflicts: c.conflicts,
          gaps: c.byStatus.gap ?? 0,
          partials: c.byStatus.partial ?? 0,
          retest: c.retest,
        });
      }
      const done = Math.min(start + batch.length, skus.length);
      await db.remapRun.update({ where: { id: run.id }, data: { skuDone: done } });
      await onProgress(done, skus.length);
    }
    perSku.sort((a, b) => b.changed - a.changed || b.conflicts - a.conflicts || a.modelCode.localeCompare(b.modelCode));
    const summary: RemapRunSummary = {
      catalog: `${world.target.version} (r${world.target.revision})`,
      mappingSets: world.mappingSets.map((m) => `${m.key}#${m.revision}`),
      counts: totals,
      written,
      skus: perSku.slice(0, TOP_SKUS),
    };
    await db.remapRun.update({ where: { id: run.id }, data: { state: "done", finishedAt: new Date(), summary: summary as object } });
    return { skipped: false as const, summary };
  } catch (error) {
    logger.error({ err: error, organizationId: payload.organizationId, runId: payload.runId }, "organization re-mapping failed");
    await markRemapRunFailed(payload.organizationId, payload.runId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

export async function getRemapRun(ctx: TenantContext, runId: string) {
  assertCan(ctx, "assessment:read");
  const run = await tenantDb(ctx.organizationId).remapRun.findUnique({ where: { id: runId.slice(0, 64) } });
  if (!run) throw notFound("Re-mapping run");
  return { ...run, summary: run.summary as RemapRunSummary | null };
}

export async function listRemapRuns(ctx: TenantContext, options: { limit?: number } = {}) {
  assertCan(ctx, "assessment:read");
  const runs = await tenantDb(ctx.organizationId).remapRun.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: Math.min(Math.max(options.limit ?? 10, 1), 50) });
  return runs.map((run) => ({ ...run, summary: run.summary as RemapRunSummary | null }));
}
