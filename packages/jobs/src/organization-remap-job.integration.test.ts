// An organization-wide re-mapping through Redis and a real worker: the run row moves from queued to
// done with its progress, the assessments are written once, and a duplicate job changes nothing.
import { createSku, resolveTenantContext, startOrganizationRemap, getRemapRun } from "@hopquy/core";
import { tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";
import { closeQueues, enqueue, enqueueOrganizationRemap, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";

const TIMEOUT_MS = 60_000;
let runtime: JobsRuntime | undefined;

beforeAll(async () => {
  expect(readJobsEnv().BULLMQ_PREFIX).toMatch(/^hq-test-/);
  await loadShippedReferenceData();
  runtime = await startJobsRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await getQueue("compliance").obliterate({ force: true });
  await closeQueues();
});

describe("remap.organization job", () => {
  it("applies the re-mapping to every SKU in the worker and records progress on the run", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization({ ownerId: owner.id });
    const ctx = await resolveTenantContext(owner, organization.slug);
    for (const modelCode of ["ORG-RM-1", "ORG-RM-2", "ORG-RM-3"]) await createSku(ctx, { modelCode, brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    const run = await startOrganizationRemap(ctx, { mode: "apply" });
    expect(run).toMatchObject({ state: "queued", skuTotal: 3, skuDone: 0 });
    const job = await enqueueOrganizationRemap(organization.id, run.id);
    expect(await waitForJobResult("compliance", job.id!, TIMEOUT_MS)).toEqual({ runId: run.id, skipped: false });
    const done = await getRemapRun(ctx, run.id);
    expect(done).toMatchObject({ state: "done", skuDone: 3, skuTotal: 3 });
    expect(done.summary!.skus).toHaveLength(3);
    const remapped = await tenantDb(organization.id).assessment.count({ where: { origin: "remapped", current: true } });
    expect(remapped).toBe(done.summary!.written);
    expect(remapped).toBeGreaterThan(0);

    // The same run enqueued again (a retry, a double click) is skipped: nothing is written twice.
    const again = await enqueue("remap.organization", { organizationId: organization.id, runId: run.id }, { jobId: `remap-${run.id}-again` });
    expect(await waitForJobResult("compliance", again.id!, TIMEOUT_MS)).toEqual({ runId: run.id, skipped: true });
    expect(await tenantDb(organization.id).assessment.count({ where: { origin: "remapped", current: true } })).toBe(remapped);
  });

  it("refuses a second run while one is active", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization({ ownerId: owner.id });
    const ctx = await resolveTenantContext(owner, organization.slug);
    await startOrganizationRemap(ctx, { mode: "preview" });
    await expect(startOrganizationRemap(ctx, { mode: "preview" })).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "remap_running" } });
  });
});
