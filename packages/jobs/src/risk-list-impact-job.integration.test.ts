// A risk-list publication through Redis and a real worker: the job re-classifies the SKUs of every
// organization by HS code and tells owners; a double enqueue runs once.
import { createSku, publishRiskList, resolveTenantContext } from "@hopquy/core";
import { parseRiskList } from "@hopquy/catalog";
import { PUBLISHED_RISK_LIST_YAML } from "@hopquy/catalog/testing/risk-list-fixtures";
import { tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";
import { closeQueues, enqueueRiskListImpact, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";

const TIMEOUT_MS = 60_000;
let runtime: JobsRuntime | undefined;

beforeAll(async () => {
  expect(readJobsEnv().BULLMQ_PREFIX).toMatch(/^hq-test-/);
  runtime = await startJobsRuntime();
});

afterAll(async () => {
  await runtime?.close();
  await getQueue("compliance").obliterate({ force: true });
  await closeQueues();
});

describe("risk-list.impact job", () => {
  it("re-classifies every organization's SKUs and notifies, once however often it is enqueued", async () => {
    const owners = [await createTestUser(), await createTestUser()];
    const organizations = await Promise.all(owners.map((owner) => createTestOrganization({ ownerId: owner.id })));
    const skus = await Promise.all(
      organizations.map(async (organization, i) => {
        const ctx = await resolveTenantContext(owners[i]!, organization.slug);
        return createSku(ctx, { modelCode: `JOB-RISK-${i}`, brand: "B", manufacturer: "M", countryOfOrigin: "VN", hsCode: "8525.81.00" });
      }),
    );
    const parsed = parseRiskList(PUBLISHED_RISK_LIST_YAML.replace("version: test-published", `version: job-${Date.now()}`), "yaml");
    if (!parsed.ok) throw new Error("fixture list is invalid");
    const { riskList } = await publishRiskList(parsed.value, { origin: "imported" });

    const job = await enqueueRiskListImpact(riskList.id);
    const again = await enqueueRiskListImpact(riskList.id);
    expect(again.id).toBe(job.id);
    const result = (await waitForJobResult("compliance", job.id!, TIMEOUT_MS)) as { inForce: boolean; reclassifiedSkus: number; emailsQueued: number };
    expect(result.inForce).toBe(true);
    expect(result.reclassifiedSkus).toBeGreaterThanOrEqual(2);
    for (const [i, organization] of organizations.entries()) {
      const db = tenantDb(organization.id);
      expect(await db.sku.findUniqueOrThrow({ where: { id: skus[i]!.id } })).toMatchObject({ riskClass: "high", riskClassOrigin: "list", riskListId: riskList.id });
      expect(await db.notification.count({ where: { kind: "risk-list.published", userId: owners[i]!.id } })).toBe(1);
    }
    expect((await getQueue("compliance").getJob(job.id!))?.progress).toBe(100);
  });
});
