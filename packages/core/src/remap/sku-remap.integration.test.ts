import { platformDb, tenantDb } from "@hopquy/db";
import { beforeAll, describe, expect, it } from "vitest";
import { decideAssessment } from "../assessments/decide-assessment";
import type { TargetCatalog } from "../assessments/target-catalog";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, expectAppError } from "../testing/fixtures";
import { createAcceptedEvidence, createTempBlobStore, ensureTargetCatalog } from "../testing/evidence-fixtures";
import { applySkuRemap, previewSkuRemap } from "./sku-remap";

const store = createTempBlobStore();
let target: TargetCatalog;
const camera = { modelCode: "HC-RM-1", brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN" };

beforeAll(async () => {
  target = await ensureTargetCatalog();
});

const qcvn135 = (code: string) => platformDb().clause.findFirstOrThrow({ where: { code, catalogVersion: { regulation: "QCVN_135_2024_BTTTT" } }, select: { id: true } });
const targetClause = (code: string) => target.clauses.find((c) => c.code === code)!;


describe("re-mapping a SKU to QCVN 11", () => {
  it("previews covered, partial and gap with explanations, then a manager applies it once", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    const evidence = await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.1.1")).id, (await qcvn135("2.2.1")).id], effectiveDate: "2024-06-01" });

    const preview = await previewSkuRemap(team.ctx.viewer, { skuId: sku.id, retestBefore: "2025-01-01" });
    const byCode = new Map(preview.proposals.map((p) => [target.clauses.find((c) => c.id === p.clauseId)!.code, p]));
    const covered = byCode.get("HQ11-G01-01")!;
    expect(covered).toMatchObject({ status: "covered", merged: { status: "covered", origin: "remapped", changed: true } });
    expect(covered.explanation.paths[0]).toMatchObject({ evidenceId: evidence.id, grade: "full", steps: [{ relation: "equal" }] });
    expect(covered.retest).toContain("evidence_before_cutoff");
    expect(byCode.get("HQ11-G03-02")).toMatchObject({ status: "partial", explanation: { paths: [{ grade: "partial", steps: [{ relation: "intersect" }] }] } });
    const gaps = preview.proposals.filter((p) => p.status === "gap");
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((p) => p.explanation.paths.length === 0)).toBe(true);
    expect(preview.proposals.some((p) => p.retest.includes("new_in_target"))).toBe(true);
    // A preview writes nothing.
    expect(await tenantDb(team.organization.id).assessment.count({ where: { skuId: sku.id, origin: "remapped" } })).toBe(0);

    await expectAppError(applySkuRemap(team.ctx.contributor, { skuId: sku.id }), "FORBIDDEN");
    const applied = await applySkuRemap(team.ctx.manager, { skuId: sku.id });
    expect(applied.written).toBe(preview.counts.changed);
    const row = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: targetClause("HQ11-G03-02").id, current: true } });
    expect(row).toMatchObject({ origin: "remapped", status: "partial", decidedByEmail: team.users.manager.email });
    expect(JSON.stringify(row.explanation)).toContain(evidence.id);
    expect((await auditEventsOf(team.organization.id)).at(-1)).toMatchObject({ action: "assessment.remapped", targetId: sku.id });
    // Idempotent: applying again changes nothing.
    expect((await applySkuRemap(team.ctx.manager, { skuId: sku.id })).written).toBe(0);
    expect((await previewSkuRemap(team.ctx.viewer, { skuId: sku.id })).counts.changed).toBe(0);
  });

  it("keeps a manual decision and shows the disagreement as a conflict", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-RM-2" });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.1.1")).id] });
    await decideAssessment(team.ctx.owner, { skuId: sku.id, clauseId: targetClause("HQ11-G01-01").id, status: "gap", reason: "lab found a default password" });
    const preview = await previewSkuRemap(team.ctx.owner, { skuId: sku.id });
    const proposal = preview.proposals.find((p) => p.clauseId === targetClause("HQ11-G01-01").id)!;
    expect(proposal).toMatchObject({ status: "covered", merged: { status: "gap", origin: "manual", changed: false }, conflict: { manualStatus: "gap", proposedStatus: "covered" } });
    await applySkuRemap(team.ctx.owner, { skuId: sku.id });
    const row = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: targetClause("HQ11-G01-01").id, current: true } });
    expect(row).toMatchObject({ origin: "manual", status: "gap" });
  });

  it("expired evidence carries nothing", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-RM-3" });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.1.1")).id], expiryDate: "2021-01-01" });
    const proposal = (await previewSkuRemap(team.ctx.owner, { skuId: sku.id })).proposals.find((p) => p.clauseId === targetClause("HQ11-G01-01").id)!;
    expect(proposal.status).toBe("gap");
    expect(proposal.explanation.ignoredEvidence[0]).toMatchObject({ verdict: "expired" });
  });

  it("direct evidence on a QCVN 11 clause later replaces a re-mapped gap", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-RM-4" });
    const logs = target.clauses.find((c) => c.code === "HQ11-G05-05") ?? target.clauses.at(-1)!;
    await applySkuRemap(team.ctx.owner, { skuId: sku.id });
    const before = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: logs.id, current: true } });
    expect(before).toMatchObject({ origin: "remapped", status: "gap" });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [logs.id] });
    const after = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: logs.id, current: true } });
    expect(after).toMatchObject({ origin: "derived", status: "covered" });
  });
});
