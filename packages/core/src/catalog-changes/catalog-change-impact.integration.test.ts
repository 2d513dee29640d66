// The catalog change impact against the real database. A new QCVN_11_2026_BCA revision would become
// the target of every later test file (they share one database), so the target catalog here is the
// shipped QCVN 11 content under a fresh TEST_ regulation, passed as `targetRegulation`; mapping sets
// use fresh keys between fresh catalogs. Like the expiry sweep, the service walks every organization
// of the database: each test asserts on its own organizations only.
import type { Catalog, MappingSet } from "@hopquy/catalog";
import { insertAssessments, platformDb, tenantDb, type AssessmentRowInput } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { loadTargetCatalog, type TargetCatalog } from "../assessments/target-catalog";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { publishCatalogVersion } from "../catalog/publish-catalog-version";
import { publishMappingSet } from "../catalog/publish-mapping-set";
import { freshCatalog, QCVN_11, shippedCatalog, shippedMappingSet, uniqueMappingSetId, uniqueRegulation } from "../catalog/testing/catalog-fixtures";
import { createEvidence } from "../evidence/create-evidence";
import { reviewEvidence, submitEvidence } from "../evidence/review-evidence";
import { listNotifications } from "../notifications/list-notifications";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { assessCatalogChangeImpact } from "./assess-catalog-change-impact";
import { CATALOG_IMPACT_ACTION, catalogImpactRecordSchema } from "./catalog-impact-record";
import { listCatalogChanges } from "./list-catalog-changes";

const AMENDED = "HQ11-G01-01"; // title changes: needs review
const WITHDRAWN = "HQ11-G01-03"; // removed: needs review
const REWORDED_NOTE = "HQ11-G01-02"; // note changes: editorial
const UNCHANGED = "HQ11-G02-01";
const QCVN_135_TO_11 = "qcvn-135-2024--qcvn-11-2026-provisional-1";

const TARGET = uniqueRegulation();
const publishMeta = { origin: "imported" as const, fileName: "impact-test.yaml" };

function targetCatalogV1(): Catalog {
  return { ...shippedCatalog(QCVN_11), regulation: TARGET };
}

function targetCatalogV2(): Catalog {
  const catalog = targetCatalogV1();
  catalog.clauses = catalog.clauses
    .filter((c) => c.code !== WITHDRAWN)
    .map((c) => {
      if (c.code === AMENDED) return { ...c, title: { vi: `${c.title.vi} (sửa đổi)`, en: `${c.title.en} (amended)` } };
      if (c.code === REWORDED_NOTE) return { ...c, note: "Reworded note." };
      return c;
    });
  return catalog;
}

const loadTarget = async () => (await loadTargetCatalog(platformDb(), TARGET))!;
const clauseIdOf = (target: TargetCatalog, code: string) => target.clauses.find((c) => c.code === code)!.id;

async function deriveAgainst(organizationId: string, target: TargetCatalog) {
  const skus = await tenantDb(organizationId).sku.findMany({ select: { id: true } });
  await tenantDb(organizationId).$transaction((tx) => refreshDerivedAssessments(tx, organizationId, skus.map((s) => s.id), { target }));
}

async function manualDecision(team: TestTeam, skuId: string, clauseId: string, status: "gap" | "covered") {
  return tenantDb(team.organization.id).assessment.create({
    data: { organizationId: team.organization.id, skuId, clauseId, status, origin: "manual", reason: "reviewer", decidedById: team.users.manager.id, decidedByEmail: team.users.manager.email, decidedAt: new Date() },
  });
}

const sku = (team: TestTeam, modelCode: string) => createSku(team.ctx.owner, { modelCode, brand: "B", manufacturer: "M", countryOfOrigin: "VN" });

function rowsOf(organizationId: string) {
  return tenantDb(organizationId).assessment.findMany({
    where: { current: true },
    select: { id: true, skuId: true, clauseId: true, origin: true, status: true, needsReview: true, needsReviewReason: true },
    orderBy: { id: "asc" },
  });
}

describe("a new revision of the target catalog", () => {
  const world = {} as {
    a: TestTeam;
    b: TestTeam;
    v1: TargetCatalog;
    v2: TargetCatalog;
    v2Id: string;
    a1: string;
    a2: string;
    b1: string;
    summary: Awaited<ReturnType<typeof assessCatalogChangeImpact>>;
  };

  beforeAll(async () => {
    await publishCatalogVersion(targetCatalogV1(), publishMeta);
    world.v1 = await loadTarget();
    const [a, b] = [await createTeam(), await createTeam()];
    Object.assign(world, { a, b });
    world.a1 = (await sku(a, "IMPACT-A1")).id;
    world.a2 = (await sku(a, "IMPACT-A2")).id;
    world.b1 = (await sku(b, "IMPACT-B1")).id;
    // A1 is covered on the amended clause by accepted evidence; decided by hand on the withdrawn and
    // an unchanged clause. A2 has no result anywhere. B decided A's amended clause for B1.
    const evidence = await createEvidence(a.ctx.contributor, {
      kind: "statement",
      title: "Unique passwords statement",
      statementText: "Every device ships with its own password.",
      skuId: world.a1,
      clauseIds: [clauseIdOf(world.v1, AMENDED)],
    });
    await submitEvidence(a.ctx.contributor, { evidenceId: evidence.id });
    await reviewEvidence(a.ctx.manager, { evidenceId: evidence.id, decision: "accept" });
    await manualDecision(a, world.a1, clauseIdOf(world.v1, WITHDRAWN), "gap");
    await manualDecision(a, world.a1, clauseIdOf(world.v1, UNCHANGED), "covered");
    await manualDecision(b, world.b1, clauseIdOf(world.v1, AMENDED), "covered");
    await deriveAgainst(a.organization.id, world.v1);
    await deriveAgainst(b.organization.id, world.v1);
    expect((await rowsOf(a.organization.id)).find((r) => r.skuId === world.a1 && r.clauseId === clauseIdOf(world.v1, AMENDED))).toMatchObject({ origin: "derived", status: "covered" });

    const { catalogVersion, created } = await publishCatalogVersion(targetCatalogV2(), publishMeta);
    expect(created).toBe(true);
    world.v2Id = catalogVersion.id;
    world.v2 = await loadTarget();
    expect(world.v2.id).toBe(catalogVersion.id);
    world.summary = await assessCatalogChangeImpact({ kind: "catalog", id: catalogVersion.id }, { targetRegulation: TARGET });
  }, 180_000);

  it("summarises the run: the changes, the organizations with SKUs, one event each", () => {
    expect(world.summary).toMatchObject({
      publication: { kind: "catalog", id: world.v2Id },
      outcome: "assessed",
      changes: { added: 0, removed: 1, changed: 2, needsReview: 2 },
      alreadyDone: 0,
    });
    expect(world.summary.organizations).toBeGreaterThanOrEqual(2);
    expect(world.summary.recorded).toBe(world.summary.organizations);
    expect(world.summary.affectedAssessments).toBeGreaterThanOrEqual(4);
  });

  it("re-derives every SKU against the new version and flags what rested on the changed clauses", async () => {
    const reason = `catalog:${world.v2Id}`;
    const rows = await rowsOf(world.a.organization.id);
    const flagged = rows.filter((r) => r.needsReview);
    // The previous version's derived rows are gone; each SKU has a row for every clause of the new one.
    expect(rows.filter((r) => r.origin === "derived" && world.v1.clauses.some((c) => c.id === r.clauseId))).toEqual([]);
    for (const skuId of [world.a1, world.a2]) {
      expect(rows.filter((r) => r.skuId === skuId && world.v2.clauses.some((c) => c.id === r.clauseId))).toHaveLength(world.v2.clauses.length);
    }
    expect(flagged.map((r) => [r.skuId, r.clauseId, r.origin, r.needsReviewReason]).sort()).toEqual(
      [
        // A1's decision on the withdrawn clause, made against the old text.
        [world.a1, clauseIdOf(world.v1, WITHDRAWN), "manual", reason],
        // A1 was covered on the amended clause: its new row (not started: the evidence is linked to the old clause) is marked.
        [world.a1, clauseIdOf(world.v2, AMENDED), "derived", reason],
      ].sort(),
    );
    // Unchanged and editorially changed clauses, and A2 (no result anywhere), are left alone.
    expect(rows.find((r) => r.clauseId === clauseIdOf(world.v1, UNCHANGED))).toMatchObject({ origin: "manual", needsReview: false });
    expect(rows.filter((r) => r.skuId === world.a2 && r.needsReview)).toEqual([]);
  });

  it("B gets exactly its own marks", async () => {
    const rows = await rowsOf(world.b.organization.id);
    expect(rows.every((r) => r.skuId === world.b1)).toBe(true);
    expect(rows.filter((r) => r.needsReview).map((r) => [r.clauseId, r.origin]).sort()).toEqual(
      [
        [clauseIdOf(world.v1, AMENDED), "manual"],
        [clauseIdOf(world.v2, AMENDED), "derived"],
      ].sort(),
    );
  });

  it("records one catalog.impact event per organization, by the system, with the change list", async () => {
    const events = (await auditEventsOf(world.a.organization.id)).filter((e) => e.action === CATALOG_IMPACT_ACTION);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, actorEmail: "system", targetType: "catalog_version", targetId: world.v2Id });
    const record = catalogImpactRecordSchema.parse(events[0]!.after);
    expect(record.publication).toMatchObject({ kind: "catalog", label: `${TARGET} ${QCVN_11.version}`, revision: 2, previous: { id: world.v1.id, revision: 1 } });
    expect(record).toMatchObject({ changes: { added: 0, removed: 1, changed: 2, needsReview: 2 }, itemsOmitted: 0, affectedAssessments: 2, affectedSkus: 1 });
    // Those needing review first; clause links point at the new clause, or the old one when withdrawn.
    expect(record.items).toEqual([
      { kind: "changed", key: AMENDED, clauseId: clauseIdOf(world.v2, AMENDED), reasons: [{ field: "title" }], why: "title changed", needsReview: true },
      { kind: "removed", key: WITHDRAWN, clauseId: clauseIdOf(world.v1, WITHDRAWN), reasons: [], why: "clause removed", needsReview: true },
      { kind: "changed", key: REWORDED_NOTE, clauseId: clauseIdOf(world.v2, REWORDED_NOTE), reasons: [{ field: "note" }], why: "note changed", needsReview: false },
    ]);
    expect(await verifyAuditChain(world.a.ctx.owner)).toMatchObject({ intact: true });
  });

  it("notifies owners and managers once, not contributors or viewers", async () => {
    const notifications = await tenantDb(world.a.organization.id).notification.findMany({ where: { kind: "catalog.changed" } });
    expect(notifications.map((n) => n.userId).sort()).toEqual([world.a.users.owner.id, world.a.users.manager.id].sort());
    expect(notifications.every((n) => n.dedupeKey === `catalog-change:catalog:${world.v2Id}`)).toBe(true);
    const [mine] = (await listNotifications(world.a.ctx.manager)).notifications.filter((n) => n.kind === "catalog.changed");
    expect(mine).toMatchObject({
      kind: "catalog.changed",
      catalogChange: { publicationKind: "catalog", publicationId: world.v2Id, label: `${TARGET} ${QCVN_11.version}`, revision: 2, affectedAssessments: 2, affectedSkus: 1 },
    });
  });

  it("a retry of the same publication changes nothing", async () => {
    const before = await Promise.all([rowsOf(world.a.organization.id), auditEventsOf(world.a.organization.id), tenantDb(world.a.organization.id).notification.count()]);
    const again = await assessCatalogChangeImpact({ kind: "catalog", id: world.v2Id }, { targetRegulation: TARGET });
    expect(again).toMatchObject({ recorded: 0, affectedAssessments: 0 });
    expect(again.alreadyDone).toBe(again.organizations);
    const after = await Promise.all([rowsOf(world.a.organization.id), auditEventsOf(world.a.organization.id), tenantDb(world.a.organization.id).notification.count()]);
    expect(after).toEqual(before);
  }, 60_000);

  it("a flag stays when evidence later moves the derived result", async () => {
    const amended = clauseIdOf(world.v2, AMENDED);
    // A1's accepted evidence is now linked to the amended clause too. Written directly: the evidence
    // services re-derive against the real QCVN 11, not this test's target.
    const [evidence] = await tenantDb(world.a.organization.id).evidence.findMany({ select: { id: true } });
    await tenantDb(world.a.organization.id).evidenceClauseLink.create({
      data: { organizationId: world.a.organization.id, evidenceId: evidence!.id, clauseId: amended, createdByEmail: world.a.users.manager.email },
    });
    await deriveAgainst(world.a.organization.id, world.v2);
    const row = (await rowsOf(world.a.organization.id)).find((r) => r.skuId === world.a1 && r.clauseId === amended);
    expect(row).toMatchObject({ status: "covered", needsReview: true, needsReviewReason: `catalog:${world.v2Id}` });
  });

  it("lists the change for every member, newest first, paginated", async () => {
    const { changes, nextCursor } = await listCatalogChanges(world.a.ctx.viewer);
    expect(nextCursor).toBeUndefined();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ record: { publication: { id: world.v2Id }, affectedAssessments: 2 }, stillNeedsReview: 2 });
    expect(await listCatalogChanges(world.a.ctx.viewer, { cursor: changes[0]!.id })).toMatchObject({ changes: [], nextCursor: undefined });
    // Another organization's event id is no position in A's list.
    const bEvent = (await auditEventsOf(world.b.organization.id)).find((e) => e.action === CATALOG_IMPACT_ACTION)!;
    expect(await listCatalogChanges(world.a.ctx.viewer, { cursor: bEvent.id })).toEqual({ changes: [], nextCursor: undefined, skusNeedingReview: 0 });
  });

  it("does nothing for a catalog of another regulation", async () => {
    const { catalogVersion } = await publishCatalogVersion(freshCatalog(), publishMeta);
    expect(await assessCatalogChangeImpact({ kind: "catalog", id: catalogVersion.id }, { targetRegulation: TARGET })).toMatchObject({
      outcome: "not_target",
      organizations: 0,
    });
    await expectAppError(assessCatalogChangeImpact({ kind: "catalog", id: "no-such-version" }), "NOT_FOUND");
  });
});

describe("a new revision of a mapping set", () => {
  const world = {} as {
    a: TestTeam;
    b: TestTeam;
    rev1Id: string;
    rev2Id: string;
    mappingIds: Map<string, string>;
    rows: Record<"relationChanged" | "withdrawn" | "editorial" | "chained" | "noPaths" | "inB", string>;
  };

  beforeAll(async () => {
    const source = freshCatalog();
    const target = { ...shippedCatalog(QCVN_11), regulation: uniqueRegulation() };
    const [{ catalogVersion: sourceVersion }, { catalogVersion: targetVersion }] = [await publishCatalogVersion(source, publishMeta), await publishCatalogVersion(target, publishMeta)];
    const rev1: MappingSet = {
      ...shippedMappingSet(QCVN_135_TO_11),
      id: uniqueMappingSetId(),
      sourceCatalog: { regulation: source.regulation, version: source.version },
      targetCatalog: { regulation: target.regulation, version: target.version },
    };
    const rev2: MappingSet = {
      ...rev1,
      mappings: rev1.mappings
        .filter((m) => m.source !== "2.1.2")
        .map((m) => (m.source === "2.1.1" ? { ...m, relation: "intersect" as const, strength: 5 } : m.source === "2.1.3" ? { ...m, rationale: "Reworded." } : m)),
    };
    const catalogs = { sourceId: sourceVersion.id, targetId: targetVersion.id };
    world.rev1Id = (await publishMappingSet(rev1, catalogs, publishMeta)).mappingSet.id;
    const mappings = await platformDb().clauseMapping.findMany({ where: { mappingSetId: world.rev1Id }, select: { id: true, sourceClause: { select: { code: true } } } });
    world.mappingIds = new Map(mappings.map((m) => [m.sourceClause.code, m.id]));
    const targetClauses = new Map((await platformDb().clause.findMany({ where: { catalogVersionId: targetVersion.id }, select: { id: true, code: true } })).map((c) => [c.code, c.id]));

    const [a, b] = [await createTeam(), await createTeam()];
    Object.assign(world, { a, b });
    const [a1, b1] = [(await sku(a, "MAP-A1")).id, (await sku(b, "MAP-B1")).id];
    const remapped = (skuId: string, clauseCode: string, mappingSources: string[] | null): AssessmentRowInput => ({
      skuId,
      firmwareVersionId: null,
      scopeKey: "",
      clauseId: targetClauses.get(clauseCode)!,
      status: "covered",
      reason: null,
      explanation: mappingSources
        ? { paths: [{ evidenceId: "e1", evidenceTitle: "Cert", linkedClauseId: "c0", grade: "full", steps: mappingSources.map((s) => ({ mappingId: world.mappingIds.get(s) ?? `other-${s}`, mappingSetId: world.rev1Id, relation: "equal", strength: 7 })) }], ignoredEvidence: [], unmetConditions: [], inheritedFrom: [] }
        : { paths: [], ignoredEvidence: [], unmetConditions: [], inheritedFrom: [] },
      needsReview: false,
      needsReviewReason: null,
    });
    await tenantDb(a.organization.id).$transaction((tx) =>
      insertAssessments(tx, a.organization.id, "remapped", [
        remapped(a1, "HQ11-G01-01", ["2.1.1"]),
        remapped(a1, "HQ11-G01-02", ["2.1.2"]),
        remapped(a1, "HQ11-G01-03", ["2.1.3"]),
        // A chain through another set's mapping, then the changed one.
        remapped(a1, "HQ11-G01-04", ["not-in-this-set", "2.1.1"]),
        remapped(a1, "HQ11-G01-05", null),
      ]),
    );
    await tenantDb(b.organization.id).$transaction((tx) => insertAssessments(tx, b.organization.id, "remapped", [remapped(b1, "HQ11-G01-03", ["2.1.3"])]));
    const idOf = async (organizationId: string, code: string) =>
      (await tenantDb(organizationId).assessment.findFirstOrThrow({ where: { clauseId: targetClauses.get(code)! }, select: { id: true } })).id;
    world.rows = {
      relationChanged: await idOf(a.organization.id, "HQ11-G01-01"),
      withdrawn: await idOf(a.organization.id, "HQ11-G01-02"),
      editorial: await idOf(a.organization.id, "HQ11-G01-03"),
      chained: await idOf(a.organization.id, "HQ11-G01-04"),
      noPaths: await idOf(a.organization.id, "HQ11-G01-05"),
      inB: await idOf(b.organization.id, "HQ11-G01-03"),
    };
    world.rev2Id = (await publishMappingSet(rev2, catalogs, publishMeta)).mappingSet.id;
  }, 120_000);

  it("flags the re-mapped rows that used a changed or withdrawn mapping, in a fixed number of queries", async () => {
    const { result: summary, queries } = await countDatabaseQueries(() => assessCatalogChangeImpact({ kind: "mapping-set", id: world.rev2Id }));
    expect(summary).toMatchObject({ outcome: "assessed", changes: { added: 0, removed: 1, changed: 2, needsReview: 2 } });
    expect(summary.organizations).toBeGreaterThanOrEqual(2);
    // Plan (set, previous, earlier mappings, organizations) + a bounded number per organization.
    expect(queries).toBeLessThanOrEqual(4 + 12 * summary.organizations);

    const flagged = await tenantDb(world.a.organization.id).assessment.findMany({ where: { needsReview: true }, select: { id: true, needsReviewReason: true } });
    expect(flagged.map((r) => r.id).sort()).toEqual([world.rows.relationChanged, world.rows.withdrawn, world.rows.chained].sort());
    expect(flagged.every((r) => r.needsReviewReason === `mapping:${world.rev2Id}`)).toBe(true);
  });

  it("records the change in A only: B's rows used nothing that needs review", async () => {
    const impactEvents = async (team: TestTeam) => (await auditEventsOf(team.organization.id)).filter((e) => e.action === CATALOG_IMPACT_ACTION);
    const [aEvents, bEvents] = await Promise.all([impactEvents(world.a), impactEvents(world.b)]);
    expect(bEvents).toEqual([]);
    expect(await tenantDb(world.b.organization.id).assessment.findUniqueOrThrow({ where: { id: world.rows.inB } })).toMatchObject({ needsReview: false });
    expect(aEvents).toHaveLength(1);
    const record = catalogImpactRecordSchema.parse(aEvents[0]!.after);
    expect(aEvents[0]).toMatchObject({ targetType: "mapping_set", targetId: world.rev2Id, actorEmail: "system" });
    expect(record).toMatchObject({ publication: { kind: "mapping-set", revision: 2, previous: { id: world.rev1Id, revision: 1 } }, affectedAssessments: 3, affectedSkus: 1 });
    expect(record.items.map((i) => [i.kind, i.key, i.why, i.needsReview, i.clauseId])).toEqual([
      ["changed", "2.1.1 -> HQ11-G01-01", "relation equal → intersect; strength 7 → 5", true, null],
      ["removed", "2.1.2 -> HQ11-G01-02", "mapping removed", true, null],
      ["changed", "2.1.3 -> HQ11-G01-03", "rationale changed", false, null],
    ]);
    expect(await tenantDb(world.b.organization.id).notification.count({ where: { kind: "catalog.changed" } })).toBe(0);
    expect(await tenantDb(world.a.organization.id).notification.count({ where: { kind: "catalog.changed" } })).toBe(2);
  });

  it("has nothing to review for a first revision", async () => {
    const set = await platformDb().mappingSet.findUniqueOrThrow({ where: { id: world.rev1Id } });
    expect(await assessCatalogChangeImpact({ kind: "mapping-set", id: set.id })).toMatchObject({ outcome: "nothing_to_review", organizations: 0 });
  });
});
