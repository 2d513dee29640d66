// The catalog change impact through Redis and a real worker: a new mapping-set revision flags the
// re-mapped assessments that used a changed mapping, with progress; a double enqueue runs once.
// Fresh catalogs and a fresh mapping-set key, so no other test file's target or graph moves.
import { createSku, publishCatalogVersion, publishMappingSet, resolveTenantContext } from "@hopquy/core";
import { freshCatalog, QCVN_11, shippedCatalog, shippedMappingSet, uniqueMappingSetId, uniqueRegulation } from "@hopquy/core/catalog/testing/catalog-fixtures";
import { insertAssessments, platformDb, tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJobsEnv } from "./env";
import { closeQueues, enqueue, enqueueCatalogImpact, getQueue, waitForJobResult } from "./queue";
import { startJobsRuntime, type JobsRuntime } from "./runtime";

type MappingSet = Parameters<typeof publishMappingSet>[0];

const TIMEOUT_MS = 60_000;
const meta = { origin: "imported" as const, fileName: "job-test.yaml" };
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

// A mapping set between two fresh catalogs, an organization with one re-mapped assessment that used
// mapping 2.1.1, and a second revision where that mapping is weakened.
async function world() {
  const source = freshCatalog();
  const target = { ...shippedCatalog(QCVN_11), regulation: uniqueRegulation() };
  const sourceId = (await publishCatalogVersion(source, meta)).catalogVersion.id;
  const targetId = (await publishCatalogVersion(target, meta)).catalogVersion.id;
  const rev1: MappingSet = {
    ...shippedMappingSet("qcvn-135-2024--qcvn-11-2026-provisional-1"),
    id: uniqueMappingSetId(),
    sourceCatalog: { regulation: source.regulation, version: source.version },
    targetCatalog: { regulation: target.regulation, version: target.version },
  };
  const { mappingSet: first } = await publishMappingSet(rev1, { sourceId, targetId }, meta);
  const mapping = await platformDb().clauseMapping.findFirstOrThrow({ where: { mappingSetId: first.id, sourceClause: { code: "2.1.1" } }, select: { id: true, targetClauseId: true } });

  const [owner, manager] = [await createTestUser(), await createTestUser()];
  const organization = await createTestOrganization({ ownerId: owner.id, members: [{ userId: manager.id, role: "manager" }] });
  const ctx = await resolveTenantContext(owner, organization.slug);
  const sku = await createSku(ctx, { modelCode: "JOB-IMPACT-1", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
  const steps = [{ mappingId: mapping.id, mappingSetId: first.id, fromClauseId: "x", toClauseId: mapping.targetClauseId, relation: "equal", strength: 7 }];
  await tenantDb(organization.id).$transaction((tx) =>
    insertAssessments(tx, organization.id, "remapped", [
      {
        skuId: sku.id,
        firmwareVersionId: null,
        scopeKey: "",
        clauseId: mapping.targetClauseId!,
        status: "covered",
        reason: null,
        explanation: { paths: [{ evidenceId: "e", evidenceTitle: "Cert", linkedClauseId: "x", grade: "full", steps }], ignoredEvidence: [], unmetConditions: [], inheritedFrom: [] },
        needsReview: false,
        needsReviewReason: null,
      },
    ]),
  );
  const rev2 = { ...rev1, mappings: rev1.mappings.map((m) => (m.source === "2.1.1" ? { ...m, relation: "subset" as const } : m)) };
  const { mappingSet: second, created } = await publishMappingSet(rev2, { sourceId, targetId }, meta);
  expect(created).toBe(true);
  return { organization, owner, manager, second, sourceId };
}

describe("catalog.impact job", () => {
  it("flags, records and notifies in the worker, reporting progress; a double enqueue runs once", async () => {
    const w = await world();
    const job = await enqueueCatalogImpact({ kind: "mapping-set", id: w.second.id });
    const duplicate = await enqueueCatalogImpact({ kind: "mapping-set", id: w.second.id });
    expect(duplicate.id).toBe(job.id);
    const result = (await waitForJobResult("compliance", job.id!, TIMEOUT_MS)) as Record<string, unknown>;
    expect(result).toMatchObject({ publication: { kind: "mapping-set", id: w.second.id }, outcome: "assessed", processedAt: expect.any(String) });
    expect(result.recorded).toBeGreaterThanOrEqual(1);
    expect(result.affectedAssessments).toBeGreaterThanOrEqual(1);
    const stored = await getQueue("compliance").getJob(job.id!);
    expect(stored?.progress).toBe(100);
    expect(await stored?.getState()).toBe("completed");

    const db = tenantDb(w.organization.id);
    expect(await db.assessment.findMany({ where: { needsReview: true }, select: { needsReviewReason: true } })).toEqual([{ needsReviewReason: `mapping:${w.second.id}` }]);
    expect(await db.auditEvent.findMany({ where: { action: "catalog.impact" }, select: { actorEmail: true, targetId: true } })).toEqual([{ actorEmail: "system", targetId: w.second.id }]);
    expect((await db.notification.findMany({ where: { kind: "catalog.changed" }, select: { userId: true } })).map((n) => n.userId).sort()).toEqual([w.owner.id, w.manager.id].sort());

    // A retry under another job id (the queue's own retry, a manual re-run) finds the work done.
    const again = await enqueue("catalog.impact", { kind: "mapping-set", id: w.second.id }, { jobId: `catalog-impact-again-${w.second.id}` });
    expect(await waitForJobResult("compliance", again.id!, TIMEOUT_MS)).toMatchObject({ recorded: 0, affectedAssessments: 0 });
    expect(await db.auditEvent.count({ where: { action: "catalog.impact" } })).toBe(1);
  });

  it("finishes without work for a catalog that is not the assessment target", async () => {
    const { catalogVersion } = await publishCatalogVersion(freshCatalog(), meta);
    const job = await enqueueCatalogImpact({ kind: "catalog", id: catalogVersion.id });
    expect(await waitForJobResult("compliance", job.id!, TIMEOUT_MS)).toMatchObject({ outcome: "not_target", organizations: 0 });
  });

  it("refuses a malformed publication at enqueue", async () => {
    await expect(enqueue("catalog.impact", { kind: "timeline" as never, id: "x" })).rejects.toThrow();
    await expect(enqueue("catalog.impact", { kind: "catalog", id: "" })).rejects.toThrow();
  });
});
