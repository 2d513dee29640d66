// An import through Redis and a real worker: the run moves queued -> done with its progress, the
// SKUs are written once, and a duplicate job changes nothing.
import { checkImportRun, getImportRun, resolveTenantContext, startImportRun, uploadImportFile } from "@hopquy/core";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { createBlobStore } from "@hopquy/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, enqueue, enqueueImportRun, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";

const TIMEOUT_MS = 60_000;
let runtime: JobsRuntime | undefined;
// The store the worker builds from the same settings.
const store = createBlobStore();

beforeAll(async () => {
  await loadShippedReferenceData();
  runtime = await startJobsRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await getQueue("compliance").obliterate({ force: true });
  await closeQueues();
});

describe("import.run job", () => {
  it("imports the checked file in the worker, once", async () => {
    const owner = await createTestUser();
    const organization = await createTestOrganization({ ownerId: owner.id });
    const ctx = await resolveTenantContext(owner, organization.slug);
    const rows = Array.from({ length: 30 }, (_, i) => `JOB-${i};HopCam;Công ty Camera;VN;V1.${i}`);
    const bytes = Buffer.from(["Mã hàng;Hãng;NSX;Made in;Firmware", ...rows].join("\n"), "utf8");
    const uploaded = await uploadImportFile(ctx, store, { kind: "sku", fileName: "erp.csv", bytes });
    if (!uploaded.ok) throw new Error("upload refused");
    const run = await getImportRun(ctx, store, uploaded.runId);
    expect(run.columnMapping).toEqual(["modelCode", "brand", "manufacturer", "countryOfOrigin", "firmwareVersion"]);
    await checkImportRun(ctx, store, { runId: run.id, columnMapping: run.columnMapping, options: {} });
    await startImportRun(ctx, run.id);
    const job = await enqueueImportRun(organization.id, run.id);
    expect(await waitForJobResult("compliance", job.id!, TIMEOUT_MS)).toEqual({ runId: run.id, skipped: false });
    expect(await getImportRun(ctx, store, run.id)).toMatchObject({ state: "done", rowDone: 30, rowTotal: 30, report: { outcome: "imported", counts: { created: 30, firmwareAdded: 30 } } });
    expect(await tenantDb(organization.id).sku.count()).toBe(30);

    const again = await enqueue("import.run", { organizationId: organization.id, runId: run.id }, { jobId: `import-${run.id}-again` });
    expect(await waitForJobResult("compliance", again.id!, TIMEOUT_MS)).toEqual({ runId: run.id, skipped: true });
    expect(await tenantDb(organization.id).sku.count()).toBe(30);
  });
});
