import { platformDb, tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { decideAssessment } from "../assessments/decide-assessment";
import type { TargetCatalog } from "../assessments/target-catalog";
import { addFirmwareVersion } from "../skus/add-firmware-version";
import { createSku } from "../skus/create-sku";
import { setSkuArchived } from "../skus/update-sku";
import { createTeam, expectAppError } from "../testing/fixtures";
import { createAcceptedEvidence, createBulkSkus, createTempBlobStore, ensureTargetCatalog } from "../testing/evidence-fixtures";
import { GAP_REPORT_BATCH_SIZE, getGapReport } from "./get-gap-report";

const store = createTempBlobStore();
let target: TargetCatalog;
const camera = { modelCode: "HC-GAP-1", brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN" };
const TODAY = "2026-11-23";

beforeAll(async () => {
  target = await ensureTargetCatalog();
});

const qcvn135 = (code: string) => platformDb().clause.findFirstOrThrow({ where: { code, catalogVersion: { regulation: "QCVN_135_2024_BTTTT" } }, select: { id: true } });
const targetClause = (code: string) => target.clauses.find((c) => c.code === code)!;


type Report = Awaited<ReturnType<typeof getGapReport>>;
const clausesOf = (report: Report, skuIndex = 0) => new Map(report.skus[skuIndex]!.groups.flatMap((g) => g.clauses.map((c) => [c.code, { ...c, group: g.code }])));


describe("gap report of one SKU", () => {
  it("lists the partial and gap QCVN 11 clauses of a SKU with QCVN 135 evidence, why, and what would close them", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "2.4.1" });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.1.1")).id, (await qcvn135("2.2.1")).id] });

    const report = await getGapReport(team.ctx.viewer, { skuId: sku.id }, { today: TODAY });
    expect(report).toMatchObject({ scope: "sku", generatedOn: TODAY, organization: { slug: team.organization.slug, name: team.organization.name }, catalog: { provisional: true } });
    expect(report.skus).toHaveLength(1);
    expect(report.skus[0]).toMatchObject({ skuId: sku.id, modelCode: "HC-GAP-1", firmwareVersion: "2.4.1" });
    const clauses = clausesOf(report);

    // Covered through an equal mapping: not in the report.
    expect(clauses.has("HQ11-G01-01")).toBe(false);
    // Partial through QCVN 135 2.2.1 (intersect), explained step by step.
    const partial = clauses.get("HQ11-G03-02")!;
    expect(partial).toMatchObject({ status: "partial", origin: "remapped", group: "HQ11-G03" });
    expect(partial.support).toEqual([
      {
        evidenceTitle: "Chứng nhận QCVN 135",
        grade: "partial",
        linkedClause: "QCVN 135:2024/BTTTT 2.2.1",
        steps: [expect.objectContaining({ relation: "intersect", to: "QCVN 11:2026/BCA HQ11-G03-02", mappingSet: expect.objectContaining({ key: "qcvn-135-2024--qcvn-11-2026-provisional-1" }) })],
      },
    ]);
    // What would close it: EN 303 645 5.2-1, its TS 103 701 test cases and their IXIT form.
    expect(partial.closers.etsiProvisions.map((p) => p.code)).toContain("5.2-1");
    expect(partial.closers.etsiProvisions.find((p) => p.code === "5.2-1")).toMatchObject({ testCaseCodes: ["5.2-1-1", "5.2-1-2"], title: { en: expect.stringContaining("vulnerability disclosure policy") } });
    expect(partial.closers.testCases.map((t) => t.code)).toEqual(expect.arrayContaining(["5.2-1-1", "5.2-1-2"]));
    expect(partial.closers.ixitForms).toContainEqual({ code: "2-UserInfo", title: { vi: null, en: "User Information" } });

    // A gap: nothing supports it; EN 303 645 5.1-2 (directly and through QCVN 135 2.1.2) would close it.
    const gap = clauses.get("HQ11-G01-02")!;
    expect(gap).toMatchObject({ status: "gap", support: [], conflict: null });
    expect(gap.closers).toEqual({
      etsiProvisions: [{ code: "5.1-2", title: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }), testCaseCodes: ["5.1-2-1", "5.1-2-2"] }],
      testCases: [
        { code: "5.1-2-1", title: expect.objectContaining({ en: "Conceptual assessment of provision 5.1-2" }), ixitFormCodes: ["1-AuthMech"] },
        { code: "5.1-2-2", title: expect.objectContaining({ en: "Functional assessment of provision 5.1-2" }), ixitFormCodes: ["1-AuthMech"] },
      ],
      ixitForms: [{ code: "1-AuthMech", title: { vi: null, en: "Authentication Mechanisms" } }],
      provisionsWithoutTestCase: [],
    });

    // New in QCVN 11 (system logs) and data localisation (QCVN 135 only): no ETSI provision, nothing invented.
    expect(clauses.get("HQ11-G02-06")).toMatchObject({ status: "gap", retest: ["new_in_target"], closers: { etsiProvisions: [], testCases: [], ixitForms: [] } });
    expect(clauses.get("HQ11-G02-05")!.closers.etsiProvisions).toEqual([]);

    const listed = [...clauses.values()];
    expect(listed.every((c) => c.status === "gap" || c.status === "partial")).toBe(true);
    expect(report.skus[0]!.counts).toMatchObject({ gap: listed.filter((c) => c.status === "gap").length, partial: listed.filter((c) => c.status === "partial").length });
    // Groups come in catalog order.
    const groupOrder = target.groups.map((g) => g.code);
    const groups = report.skus[0]!.groups.map((g) => g.code);
    expect(groups).toEqual([...groups].sort((a, b) => groupOrder.indexOf(a) - groupOrder.indexOf(b)));
    // Reading the report writes nothing.
    expect(await tenantDb(team.organization.id).assessment.count({ where: { skuId: sku.id, origin: "remapped" } })).toBe(0);
  });

  it("a manual decision counts: a manual gap over covering evidence is listed with the conflict", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-GAP-2" });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.1.1")).id] });
    await decideAssessment(team.ctx.owner, { skuId: sku.id, clauseId: targetClause("HQ11-G01-01").id, status: "gap", reason: "lab found a default password" });
    await decideAssessment(team.ctx.owner, { skuId: sku.id, clauseId: targetClause("HQ11-G01-02").id, status: "covered", reason: "tested in house" });
    const report = await getGapReport(team.ctx.owner, { skuId: sku.id }, { today: TODAY });
    const clauses = clausesOf(report);
    expect(clauses.get("HQ11-G01-01")).toMatchObject({ status: "gap", origin: "manual", proposedStatus: "covered", conflict: { manualStatus: "gap", proposedStatus: "covered" } });
    expect(clauses.has("HQ11-G01-02")).toBe(false);
    expect(report.skus[0]!.otherConflicts).toEqual([expect.objectContaining({ code: "HQ11-G01-02", manualStatus: "covered", proposedStatus: "gap" })]);
    expect(report.skus[0]!.counts.conflicts).toBe(2);
  });

  it("an unknown SKU is not found; an archived SKU still has its own report", async () => {
    const team = await createTeam();
    await expectAppError(getGapReport(team.ctx.viewer, { skuId: "no-such-sku" }), "NOT_FOUND");
    const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-GAP-OLD" });
    await setSkuArchived(team.ctx.owner, { skuId: sku.id, archived: true });
    expect((await getGapReport(team.ctx.viewer, { skuId: sku.id })).skus.map((s) => s.modelCode)).toEqual(["HC-GAP-OLD"]);
    expect((await getGapReport(team.ctx.viewer)).skus).toEqual([]);
  });
});

describe("gap report of an organization", () => {
  it("covers every non-archived SKU in model order, each with its own results", async () => {
    const team = await createTeam();
    const b = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-ORG-B" });
    const a = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-ORG-A" });
    const archived = await createSku(team.ctx.owner, { ...camera, modelCode: "HC-ORG-C" });
    await setSkuArchived(team.ctx.owner, { skuId: archived.id, archived: true });
    await createAcceptedEvidence(team.ctx.owner, store, { skuId: b.id, clauseIds: [(await qcvn135("2.1.1")).id] });
    const report = await getGapReport(team.ctx.viewer, {}, { today: TODAY });
    expect(report.scope).toBe("organization");
    expect(report.skus.map((s) => s.skuId)).toEqual([a.id, b.id]);
    expect(clausesOf(report, 0).get("HQ11-G01-01")?.status).toBe("gap");
    expect(clausesOf(report, 1).has("HQ11-G01-01")).toBe(false);
    expect(report.totals).toMatchObject({ skus: 2, skusWithGaps: 2, gap: report.skus[0]!.counts.gap + report.skus[1]!.counts.gap });
  });

  it("uses the same number of queries for 3 or a full batch of SKUs, and a fixed number more per batch", { timeout: 120_000 }, async () => {
    const small = await createTeam();
    const large = await createTeam();
    await createBulkSkus(small.organization.id, 3, "S");
    await createBulkSkus(large.organization.id, GAP_REPORT_BATCH_SIZE, "L");
    // Some real evidence in both, so the evidence queries run too.
    for (const team of [small, large]) {
      const sku = await createSku(team.ctx.owner, { ...camera, modelCode: "A-EVIDENCE" });
      await createAcceptedEvidence(team.ctx.owner, store, { skuId: sku.id, clauseIds: [(await qcvn135("2.2.1")).id] });
    }
    const smallRun = await countDatabaseQueries(() => getGapReport(small.ctx.viewer, {}, { today: TODAY }));
    const largeRun = await countDatabaseQueries(() => getGapReport(large.ctx.viewer, {}, { today: TODAY }));
    expect(smallRun.result.skus).toHaveLength(4);
    expect(largeRun.result.skus).toHaveLength(GAP_REPORT_BATCH_SIZE + 1);
    expect(largeRun.result.skus[0]!.modelCode).toBe("A-EVIDENCE");
    expect(clausesOf(largeRun.result, 0).get("HQ11-G03-02")?.status).toBe("partial");
    expect(clausesOf(largeRun.result, 1).get("HQ11-G03-02")?.status).toBe("gap");
    // The large organization needs a second batch (one SKU): a fixed number of queries more.
    const oneBatch = smallRun.queries;
    const perBatch = largeRun.queries - oneBatch;
    expect(perBatch).toBeGreaterThan(0);
    expect(perBatch).toBeLessThanOrEqual(6);
    expect(oneBatch).toBeLessThanOrEqual(20);
    await tenantDb(large.organization.id).sku.deleteMany({ where: { modelCode: "L-0000" } });
    const fullBatch = await countDatabaseQueries(() => getGapReport(large.ctx.viewer, {}, { today: TODAY }));
    expect(fullBatch.result.skus).toHaveLength(GAP_REPORT_BATCH_SIZE);
    expect(fullBatch.queries).toBe(oneBatch);
  });
});
