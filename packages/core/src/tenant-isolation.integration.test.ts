// Tenant isolation at the service level: with the context of an owner of organization A, no core
// service can read or change organization B's rows, whatever ids it is handed.
import { Readable } from "node:stream";
import { tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as core from "./index";
import type { TenantContext } from "./context";
import { auditEventsOf, expectAppError, uniqueEmail } from "./testing/fixtures";
import { createTempBlobStore, ensureTargetCatalog, pdfBytes, streamOf } from "./testing/evidence-fixtures";
import { importFile, testImportStore, uploadAndCheck } from "./testing/import-runs";

const store = createTempBlobStore();
const importStore = testImportStore();
// B's import file: "Ghi chú" is nobody's column until B maps it (B's preset then remembers it).
const IMPORT_HEADER = ["modelCode", "brand", "manufacturer", "countryOfOrigin", "Ghi chú"];
const csvOf = (rows: string[][], header = IMPORT_HEADER) => Buffer.from([header, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n");

interface World {
  a: { id: string; slug: string; ctx: TenantContext };
  b: {
    id: string;
    slug: string;
    ownerMembershipId: string;
    viewerMembershipId: string;
    viewerEmail: string;
    pendingInvitationId: string;
    pendingEmail: string;
    familyId: string;
    skuId: string;
    skuModelCode: string;
    evidenceId: string;
    revisionId: string;
    sha256: string;
    clauseId: string;
    clauseLinkId: string;
    skuLinkId: string;
    remapRunId: string;
    catalogImpactEventId: string;
    declarationId: string;
    firmwareId: string;
    importRunId: string;
  };
  alice: { id: string; email: string };
}

let w: World;

async function snapshotOf(organizationId: string) {
  const db = tenantDb(organizationId);
  return {
    organization: await db.organization.findUnique({ where: { id: organizationId } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    invitations: await db.invitation.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await db.auditEvent.findMany({ orderBy: { seq: "asc" } }),
    families: await db.productFamily.findMany({ orderBy: { id: "asc" } }),
    skus: await db.sku.findMany({ orderBy: { id: "asc" } }),
    firmware: await db.firmwareVersion.findMany({ orderBy: { id: "asc" } }),
    notifications: await db.notification.findMany({ orderBy: { id: "asc" } }),
    evidence: await db.evidence.findMany({ orderBy: { id: "asc" } }),
    revisions: await db.evidenceRevision.findMany({ orderBy: { id: "asc" } }),
    clauseLinks: await db.evidenceClauseLink.findMany({ orderBy: { id: "asc" } }),
    skuLinks: await db.evidenceSkuLink.findMany({ orderBy: { id: "asc" } }),
    assessments: await db.assessment.findMany({ orderBy: { id: "asc" } }),
    remapRuns: await db.remapRun.findMany({ orderBy: { id: "asc" } }),
    declarations: await db.declarationSubmission.findMany({ orderBy: { id: "asc" } }),
    calendarFeeds: await db.calendarFeed.findMany({ orderBy: { id: "asc" } }),
    importRuns: await db.importRun.findMany({ orderBy: { id: "asc" } }),
    importColumnPresets: await db.importColumnPreset.findMany({ orderBy: { id: "asc" } }),
  };
}

let bBefore: Awaited<ReturnType<typeof snapshotOf>>;
// Alice's notification in A, Bob's in B, and one in B addressed to Alice (left from a former membership).
const notes = {} as { aliceInA: string; bobInB: string; aliceInB: string };
// Bob's calendar feed in B, and a feed row in B for Alice (as if left from a former membership).
const calendarFeeds = {} as { bobInB: string; aliceInBCreatedAt: Date };

beforeAll(async () => {
  const alice = await createTestUser();
  const bob = await createTestUser();
  const orgA = await core.createOrganizationForUser(alice.id, { name: "Tenant A" });
  const orgB = await core.createOrganizationForUser(bob.id, { name: "Tenant B" });
  const ctxA = await core.resolveTenantContext(alice, orgA.slug);
  const ctxB = await core.resolveTenantContext(bob, orgB.slug);

  // B gets a second member (through a real invitation), a pending invitation and some history.
  const carolEmail = uniqueEmail("carol");
  const carolInvite = await core.inviteMember(ctxB, { email: carolEmail, role: "viewer" });
  await core.signUpWithInvitation({ token: carolInvite.token, name: "Carol", password: "carol's long password" });
  const pendingEmail = uniqueEmail("pending");
  const pending = await core.inviteMember(ctxB, { email: pendingEmail, role: "contributor" });
  await core.updateOrganization(ctxB, { name: "Tenant B renamed", kind: "importer" });
  const bFamily = await core.createProductFamily(ctxB, { name: "B cameras" });
  const bSku = await core.createSku(ctxB, { modelCode: "B-CAM-1", brand: "B", manufacturer: "B Co", countryOfOrigin: "CN", familyId: bFamily.id });
  const bFirmware = await core.addFirmwareVersion(ctxB, { skuId: bSku.id, version: "1.0.0" });
  const bDeclaration = await core.recordDeclaration(ctxB, { skuId: bSku.id, firmwareVersionId: bFirmware.id, route: "self_assessment", filedOn: "2026-11-01" });
  // B's accepted evidence with a file, linked to a QCVN 11 clause and to B's SKU, and a manual decision.
  const target = await ensureTargetCatalog();
  const bClause = target.clauses[0]!;
  const bEvidence = await core.createEvidence(ctxB, { kind: "lab_test_report", title: "B report", clauseIds: [bClause.id], skuId: bSku.id });
  const bRevision = await core.uploadEvidenceRevision(ctxB, store, { evidenceId: bEvidence.id, fileName: "b.pdf", stream: streamOf(pdfBytes("B")) });
  await core.submitEvidence(ctxB, { evidenceId: bEvidence.id });
  await core.reviewEvidence(ctxB, { evidenceId: bEvidence.id, decision: "accept" });
  await core.decideAssessment(ctxB, { skuId: bSku.id, clauseId: target.clauses[1]!.id, status: "gap", reason: "B decided" });
  const bLinks = await core.getEvidence(ctxB, bEvidence.id);
  const bRun = await core.startOrganizationRemap(ctxB, { mode: "preview" });
  // B's import, checked (one row rejected) and not started; B mapped "Ghi chú" to the description.
  const bImport = await uploadAndCheck(ctxB, { fileName: "b-skus.csv", bytes: csvOf([["B-IMP-1", "B", "B Co", "CN", "b note"], ["B-IMP-2", "B", "B Co", "Vietnam", "bad"]]), remap: { 4: "description" } }, importStore);
  expect(bImport.report).toMatchObject({ outcome: "checked", writeCount: 1, rejectedCount: 1 });

  const bMemberships = await tenantDb(orgB.id).membership.findMany({ include: { user: true } });
  w = {
    alice,
    a: { id: orgA.id, slug: orgA.slug, ctx: ctxA },
    b: {
      id: orgB.id,
      slug: orgB.slug,
      ownerMembershipId: bMemberships.find((m) => m.role === "owner")!.id,
      viewerMembershipId: bMemberships.find((m) => m.role === "viewer")!.id,
      viewerEmail: carolEmail,
      pendingInvitationId: pending.invitation.id,
      pendingEmail,
      familyId: bFamily.id,
      skuId: bSku.id,
      skuModelCode: bSku.modelCode,
      evidenceId: bEvidence.id,
      revisionId: bRevision.id,
      sha256: bRevision.sha256,
      clauseId: bClause.id,
      clauseLinkId: bLinks.clauseLinks[0]!.id,
      skuLinkId: bLinks.skuLinks[0]!.id,
      remapRunId: bRun.id,
      catalogImpactEventId: await catalogImpactEvent(orgB.id, bClause.id),
      declarationId: bDeclaration.id,
      firmwareId: bFirmware.id,
      importRunId: bImport.runId!,
    },
  };
  await catalogImpactEvent(orgA.id, bClause.id);
  const notify = async (organizationId: string, userId: string, title: string) =>
    (await tenantDb(organizationId).notification.create({
      data: { organizationId, userId, kind: "evidence.expiring", dedupeKey: `isolation:${title}`, payload: { evidenceId: "evd", title, expiryDate: "2031-01-31", daysLeft: 7, threshold: 7 } },
    })).id;
  notes.aliceInA = await notify(orgA.id, alice.id, "A");
  notes.bobInB = await notify(orgB.id, bob.id, "B");
  notes.aliceInB = await notify(orgB.id, alice.id, "B for Alice");
  calendarFeeds.bobInB = (await core.createOrRotateCalendarFeed(ctxB)).token;
  calendarFeeds.aliceInBCreatedAt = new Date("2020-01-01T00:00:00.000Z");
  await tenantDb(orgB.id).calendarFeed.create({
    data: { organizationId: orgB.id, userId: alice.id, tokenHash: "f".repeat(64), createdAt: calendarFeeds.aliceInBCreatedAt, rotatedAt: calendarFeeds.aliceInBCreatedAt },
  });
  bBefore = await snapshotOf(orgB.id);
  expect(bBefore.memberships).toHaveLength(2);
  expect(bBefore.auditEvents.length).toBeGreaterThanOrEqual(5);
});

afterEach(async () => {
  // Whatever the test did with A's context, B is exactly as it was.
  expect(await snapshotOf(w.b.id)).toEqual(bBefore);
});

const onlyA = (rows: { organizationId: string }[]) => rows.every((r) => r.organizationId === w.a.id);

// A catalog.impact audit event as the impact job writes it (a shared catalog clause is fine).
async function catalogImpactEvent(organizationId: string, clauseId: string) {
  const publication = { kind: "catalog" as const, id: `cv-${organizationId}`, label: "QCVN_11_2026_BCA x", regulation: "QCVN_11_2026_BCA", version: "x", revision: 2, titleVi: null, titleEn: null, previous: { id: "cv-prev", label: "QCVN_11_2026_BCA x", revision: 1 } };
  const after = { publication, changes: { added: 0, removed: 0, changed: 1, needsReview: 1 }, items: [{ kind: "changed", key: "HQ11-G01-01", clauseId, reasons: [{ field: "title" }], why: "title changed", needsReview: true }], itemsOmitted: 0, affectedAssessments: 0, affectedSkus: 0 };
  const actor = { organizationId, userId: null, userEmail: "system" };
  return (await tenantDb(organizationId).$transaction((tx) => core.appendAuditEvent(tx, actor, { action: "catalog.impact", targetType: "catalog_version", targetId: publication.id, after }))).id;
}

// Take a `ctx` too, but only read its role: no rows, nothing to isolate.
const PURE_PERMISSION_CHECKS = ["can", "assertCan"];

// One case per core service that takes a TenantContext. The last test checks this list is complete.
const CASES: Record<string, () => Promise<void>> = {
  async previewSkuRemap() {
    await expectAppError(core.previewSkuRemap(w.a.ctx, { skuId: w.b.skuId }), "NOT_FOUND");
  },
  async applySkuRemap() {
    await expectAppError(core.applySkuRemap(w.a.ctx, { skuId: w.b.skuId }), "NOT_FOUND");
  },
  async startOrganizationRemap() {
    // A's run covers A's SKUs only, and B's running job does not block A.
    const run = await core.startOrganizationRemap(w.a.ctx, { mode: "apply" });
    expect(run.organizationId).toBe(w.a.id);
    await core.runOrganizationRemap({ organizationId: w.a.id, runId: run.id });
    const done = await core.getRemapRun(w.a.ctx, run.id);
    expect(done.state).toBe("done");
    expect(done.summary!.skus.every((s) => s.skuId !== w.b.skuId)).toBe(true);
    // The worker entry point with A's organization and B's run id finds nothing to run.
    expect(await core.runOrganizationRemap({ organizationId: w.a.id, runId: w.b.remapRunId })).toEqual({ skipped: true });
  },
  async getRemapRun() {
    await expectAppError(core.getRemapRun(w.a.ctx, w.b.remapRunId), "NOT_FOUND");
  },
  async listRemapRuns() {
    expect((await core.listRemapRuns(w.a.ctx)).every((r) => r.organizationId === w.a.id)).toBe(true);
  },
  async getGapReport() {
    await expectAppError(core.getGapReport(w.a.ctx, { skuId: w.b.skuId }), "NOT_FOUND");
    const own = await core.getGapReport(w.a.ctx);
    expect(own.organization.slug).toBe(w.a.slug);
    expect(own.skus.every((s) => s.skuId !== w.b.skuId && s.modelCode !== w.b.skuModelCode)).toBe(true);
  },
  async createEvidence() {
    // B's SKU and firmware are unknown in A; a shared catalog clause is fine.
    await expectAppError(core.createEvidence(w.a.ctx, { kind: "certificate", title: "A", skuId: w.b.skuId }), "NOT_FOUND");
    const own = await core.createEvidence(w.a.ctx, { kind: "certificate", title: "A cert", clauseIds: [w.b.clauseId] });
    expect(own.organizationId).toBe(w.a.id);
  },
  async updateEvidence() {
    await expectAppError(core.updateEvidence(w.a.ctx, { evidenceId: w.b.evidenceId, kind: "certificate", title: "hijack" }), "NOT_FOUND");
  },
  async submitEvidence() {
    await expectAppError(core.submitEvidence(w.a.ctx, { evidenceId: w.b.evidenceId }), "NOT_FOUND");
  },
  async reviewEvidence() {
    await expectAppError(core.reviewEvidence(w.a.ctx, { evidenceId: w.b.evidenceId, decision: "reject", comment: "x" }), "NOT_FOUND");
  },
  async reopenEvidence() {
    await expectAppError(core.reopenEvidence(w.a.ctx, { evidenceId: w.b.evidenceId }), "NOT_FOUND");
  },
  async linkEvidenceToClause() {
    await expectAppError(core.linkEvidenceToClause(w.a.ctx, { evidenceId: w.b.evidenceId, clauseId: w.b.clauseId }), "NOT_FOUND");
  },
  async unlinkEvidenceFromClause() {
    await expectAppError(core.unlinkEvidenceFromClause(w.a.ctx, { linkId: w.b.clauseLinkId }), "NOT_FOUND");
  },
  async linkEvidenceToSku() {
    // Neither B's evidence to an A SKU nor A's evidence to B's SKU.
    const own = await core.createEvidence(w.a.ctx, { kind: "certificate", title: "A cert 2" });
    await expectAppError(core.linkEvidenceToSku(w.a.ctx, { evidenceId: own.id, skuId: w.b.skuId }), "NOT_FOUND");
    const aSku = await core.createSku(w.a.ctx, { modelCode: "A-LINK", brand: "A", manufacturer: "A Co", countryOfOrigin: "VN" });
    await expectAppError(core.linkEvidenceToSku(w.a.ctx, { evidenceId: w.b.evidenceId, skuId: aSku.id }), "NOT_FOUND");
  },
  async unlinkEvidenceFromSku() {
    await expectAppError(core.unlinkEvidenceFromSku(w.a.ctx, { linkId: w.b.skuLinkId }), "NOT_FOUND");
  },
  async uploadEvidenceRevision() {
    await expectAppError(core.uploadEvidenceRevision(w.a.ctx, store, { evidenceId: w.b.evidenceId, fileName: "x.pdf", stream: streamOf(pdfBytes("A")) }), "NOT_FOUND");
  },
  async openEvidenceRevision() {
    await expectAppError(core.openEvidenceRevision(w.a.ctx, store, w.b.revisionId), "NOT_FOUND");
  },
  async openEvidenceFileByHash() {
    // The blob exists in the shared store, but A holds no revision with this hash.
    await expectAppError(core.openEvidenceFileByHash(w.a.ctx, store, w.b.sha256), "NOT_FOUND");
  },
  async verifyEvidenceRevision() {
    await expectAppError(core.verifyEvidenceRevision(w.a.ctx, store, w.b.revisionId), "NOT_FOUND");
  },
  async listEvidence() {
    const { evidence } = await core.listEvidence(w.a.ctx, { search: "B report" });
    expect(evidence).toEqual([]);
    expect((await core.listEvidence(w.a.ctx, { skuId: w.b.skuId })).evidence).toEqual([]);
    expect((await core.listEvidence(w.a.ctx, { cursor: w.b.evidenceId })).evidence).toEqual([]);
  },
  async getEvidence() {
    await expectAppError(core.getEvidence(w.a.ctx, w.b.evidenceId), "NOT_FOUND");
  },
  async decideAssessment() {
    await expectAppError(core.decideAssessment(w.a.ctx, { skuId: w.b.skuId, clauseId: w.b.clauseId, status: "gap", reason: "x" }), "NOT_FOUND");
  },
  async clearAssessmentDecision() {
    await expectAppError(core.clearAssessmentDecision(w.a.ctx, { skuId: w.b.skuId, clauseId: w.b.clauseId }), "NOT_FOUND");
  },
  async getComplianceMatrix() {
    const matrix = await core.getComplianceMatrix(w.a.ctx, { search: w.b.skuModelCode });
    expect(matrix.rows.map((r) => r.sku.id)).not.toContain(w.b.skuId);
    expect((await core.getComplianceMatrix(w.a.ctx, { cursor: w.b.skuId })).rows).toEqual([]);
    expect(matrix.totals.gap).toBe(0);
  },
  async getSkuCompliance() {
    await expectAppError(core.getSkuCompliance(w.a.ctx, w.b.skuId), "NOT_FOUND");
  },
  async listSkuHistory() {
    await expectAppError(core.listSkuHistory(w.a.ctx, { skuId: w.b.skuId }), "NOT_FOUND");
  },
  async createSku() {
    // B's family id is unknown in A; B's model code is free in A (codes are per organization).
    await expectAppError(core.createSku(w.a.ctx, { modelCode: "A-1", brand: "A", manufacturer: "A Co", countryOfOrigin: "VN", familyId: w.b.familyId }), "NOT_FOUND");
    const sku = await core.createSku(w.a.ctx, { modelCode: w.b.skuModelCode, brand: "A", manufacturer: "A Co", countryOfOrigin: "VN" });
    expect(sku.organizationId).toBe(w.a.id);
  },

  async updateSku() {
    await expectAppError(core.updateSku(w.a.ctx, { skuId: w.b.skuId, modelCode: "X", brand: "X", manufacturer: "X", countryOfOrigin: "VN" }), "NOT_FOUND");
  },

  async updateSkuCapabilities() {
    await expectAppError(core.updateSkuCapabilities(w.a.ctx, { skuId: w.b.skuId, capabilities: { passwordsUsed: true } }), "NOT_FOUND");
  },

  async setSkuArchived() {
    await expectAppError(core.setSkuArchived(w.a.ctx, { skuId: w.b.skuId, archived: true }), "NOT_FOUND");
  },

  async getSku() {
    await expectAppError(core.getSku(w.a.ctx, w.b.skuId), "NOT_FOUND");
  },

  async listSkus() {
    const { skus } = await core.listSkus(w.a.ctx, { search: w.b.skuModelCode });
    expect(onlyA(skus)).toBe(true);
    const paged = await core.listSkus(w.a.ctx, { cursor: w.b.skuId, familyId: w.b.familyId });
    expect(paged.skus).toEqual([]);
  },

  async recordDeclaration() {
    await expectAppError(core.recordDeclaration(w.a.ctx, { skuId: w.b.skuId, route: "self_assessment", filedOn: "2026-11-02" }), "NOT_FOUND");
    // B's firmware on A's own SKU is unknown in A.
    const aSku = await core.createSku(w.a.ctx, { modelCode: "A-DECL", brand: "A", manufacturer: "A Co", countryOfOrigin: "VN" });
    await expectAppError(core.recordDeclaration(w.a.ctx, { skuId: aSku.id, firmwareVersionId: w.b.firmwareId, route: "self_assessment", filedOn: "2026-11-02" }), "NOT_FOUND");
  },

  async setDeclarationStatus() {
    await expectAppError(core.setDeclarationStatus(w.a.ctx, { declarationId: w.b.declarationId, status: "withdrawn" }), "NOT_FOUND");
  },

  async listSkuDeclarations() {
    await expectAppError(core.listSkuDeclarations(w.a.ctx, w.b.skuId), "NOT_FOUND");
  },

  async getSkuObligations() {
    await expectAppError(core.getSkuObligations(w.a.ctx, { skuId: w.b.skuId }), "NOT_FOUND");
  },

  async addFirmwareVersion() {
    await expectAppError(core.addFirmwareVersion(w.a.ctx, { skuId: w.b.skuId, version: "9.9.9" }), "NOT_FOUND");
  },

  async createProductFamily() {
    const family = await core.createProductFamily(w.a.ctx, { name: "B cameras" });
    expect(family.organizationId).toBe(w.a.id);
  },

  async listProductFamilies() {
    expect(onlyA(await core.listProductFamilies(w.a.ctx))).toBe(true);
  },

  async uploadImportFile() {
    // A's upload is A's run, its columns guessed from A's own presets: B's mapping of "Ghi chú" is not A's.
    const uploaded = await core.uploadImportFile(w.a.ctx, importStore, { kind: "sku", fileName: "a.csv", bytes: csvOf([["A-UP-1", "A", "A Co", "VN", "a note"]]) });
    expect(uploaded.ok).toBe(true);
    const runId = (uploaded as { runId: string }).runId;
    expect(await tenantDb(w.a.id).importRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ organizationId: w.a.id, requestedById: w.alice.id });
    expect((await core.getImportRun(w.a.ctx, importStore, runId)).columnMapping).toEqual(["modelCode", "brand", "manufacturer", "countryOfOrigin", null]);
  },

  async getImportRun() {
    await expectAppError(core.getImportRun(w.a.ctx, importStore, w.b.importRunId), "NOT_FOUND");
  },

  async listImportRuns() {
    const { runs } = await core.listImportRuns(w.a.ctx, { limit: 100 });
    const own = new Set((await tenantDb(w.a.id).importRun.findMany({ select: { id: true } })).map((r) => r.id));
    expect(runs.every((r) => own.has(r.id))).toBe(true);
    expect(runs.map((r) => r.id)).not.toContain(w.b.importRunId);
    // B's run id is no position in A's list.
    expect(await core.listImportRuns(w.a.ctx, { before: w.b.importRunId })).toEqual({ runs: [], nextCursor: null });
  },

  async checkImportRun() {
    // Neither B's run nor B's column preset changes (checked by afterEach).
    const columnMapping = ["modelCode", "brand", "manufacturer", "countryOfOrigin", "importer"];
    await expectAppError(core.checkImportRun(w.a.ctx, importStore, { runId: w.b.importRunId, columnMapping, options: { onExisting: "update" } }), "NOT_FOUND");
  },

  async startImportRun() {
    await expectAppError(core.startImportRun(w.a.ctx, w.b.importRunId), "NOT_FOUND");
    // The worker entry point with A's organization and B's run id finds nothing to run.
    expect(await core.executeImportRun({ organizationId: w.a.id, runId: w.b.importRunId }, importStore)).toEqual({ skipped: true });

    // A file naming B's model code, B's family, B's ids and B's firmware version, with existing SKUs
    // updated: the row matching B's SKU updates A's own SKU of that code, everything lands in A.
    const db = tenantDb(w.a.id);
    const own =
      (await db.sku.findFirst({ where: { modelCode: w.b.skuModelCode, hardwareRevision: "" } })) ??
      (await core.createSku(w.a.ctx, { modelCode: w.b.skuModelCode, brand: "A", manufacturer: "A Co", countryOfOrigin: "VN" }));
    const header = ["modelCode", "hardwareRevision", "brand", "manufacturer", "countryOfOrigin", "family", "description", "firmwareVersion"];
    const bytes = csvOf(
      [
        [w.b.skuModelCode, "", "A", "A Co", "VN", "B cameras", "A's own", "1.0.0"],
        [w.b.skuModelCode, "ISO", "A", "A Co", "VN", w.b.familyId, w.b.skuId, "1.0.0"],
      ],
      header,
    );
    const { runId, report } = await importFile(w.a.ctx, { fileName: "skus.csv", bytes, options: { mode: "all_or_nothing", onExisting: "update" } }, importStore);
    expect(report).toMatchObject({ outcome: "imported", rejectedCount: 0, counts: { created: 1, updated: 1, firmwareAdded: 2 } });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: runId! } })).toMatchObject({ organizationId: w.a.id, state: "done" });
    const skus = await db.sku.findMany({ where: { modelCode: w.b.skuModelCode }, orderBy: { hardwareRevision: "asc" } });
    expect(skus.map((s) => [s.id === own.id, s.hardwareRevision, s.description])).toEqual([
      [true, "", "A's own"],
      [false, "ISO", w.b.skuId],
    ]);
    expect(onlyA(skus)).toBe(true);
    const families = await db.productFamily.findMany({ where: { id: { in: skus.map((s) => s.familyId!) } } });
    expect(families.map((f) => f.name).sort()).toEqual(["B cameras", w.b.familyId].sort());
    expect(onlyA(families) && families.every((f) => f.id !== w.b.familyId)).toBe(true);
    const firmware = await db.firmwareVersion.findMany({ where: { skuId: { in: skus.map((s) => s.id) } } });
    expect(firmware.map((f) => f.version)).toEqual(["1.0.0", "1.0.0"]);
    expect(onlyA(firmware) && firmware.every((f) => f.id !== w.b.firmwareId)).toBe(true);
  },

  async cancelImportRun() {
    await expectAppError(core.cancelImportRun(w.a.ctx, w.b.importRunId), "NOT_FOUND");
  },

  async attachImportArchive() {
    // Another organization's run is simply not there, and nothing is stored for it.
    await expectAppError(core.attachImportArchive(w.a.ctx, importStore, { runId: w.b.importRunId, fileName: "files.zip", stream: Readable.from([Buffer.from("PK")]) }), "NOT_FOUND");
  },
  async getRejectedImportRows() {
    await expectAppError(core.getRejectedImportRows(w.a.ctx, importStore, w.b.importRunId), "NOT_FOUND");
  },

  async exportSkus() {
    const file = await core.exportSkus(w.a.ctx, { format: "csv", includeArchived: true });
    const text = Buffer.from(await new Response(file.body).arrayBuffer()).toString("utf8");
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(await tenantDb(w.a.id).sku.count());
    expect(text).not.toContain("B Co");
  },

  async getOrganizationOverview() {
    const overview = await core.getOrganizationOverview(w.a.ctx);
    expect(overview.organization.id).toBe(w.a.id);
    expect(overview.memberCount).toBe(await tenantDb(w.a.id).membership.count());
    expect(overview.pendingInvitations).toBe(await tenantDb(w.a.id).invitation.count({ where: { status: "pending" } }));
    expect(overview.lastEvents.length).toBeGreaterThan(0);
    expect(onlyA(overview.lastEvents)).toBe(true);
  },

  async updateOrganization() {
    const updated = await core.updateOrganization(w.a.ctx, { name: "Tenant A renamed" });
    expect(updated.id).toBe(w.a.id);
    expect((await tenantDb(w.a.id).organization.findUniqueOrThrow({ where: { id: w.a.id } })).name).toBe("Tenant A renamed");
  },

  async listMembers() {
    const { members } = await core.listMembers(w.a.ctx);
    expect(members.map((m) => m.userId)).toEqual([w.alice.id]);
    // A cursor pointing at B's row yields none of B's rows.
    const paged = await core.listMembers(w.a.ctx, { cursor: w.b.viewerMembershipId });
    expect(onlyA(paged.members)).toBe(true);
  },

  async changeMemberRole() {
    await expectAppError(core.changeMemberRole(w.a.ctx, { membershipId: w.b.viewerMembershipId, role: "owner" }), "NOT_FOUND");
    await expectAppError(core.changeMemberRole(w.a.ctx, { membershipId: w.b.ownerMembershipId, role: "viewer" }), "NOT_FOUND");
  },

  async removeMember() {
    await expectAppError(core.removeMember(w.a.ctx, { membershipId: w.b.viewerMembershipId }), "NOT_FOUND");
    await expectAppError(core.removeMember(w.a.ctx, { membershipId: w.b.ownerMembershipId }), "NOT_FOUND");
  },

  async inviteMember() {
    // B's member is not A's member: inviting them to A is fine, and lands in A only.
    const toMember = await core.inviteMember(w.a.ctx, { email: w.b.viewerEmail, role: "viewer" });
    expect(toMember.invitation.organizationId).toBe(w.a.id);
    // Re-inviting an address with a pending invitation in B revokes nothing in B (checked by afterEach).
    const toPending = await core.inviteMember(w.a.ctx, { email: w.b.pendingEmail, role: "viewer" });
    expect(toPending.invitation.organizationId).toBe(w.a.id);
    expect((await core.describeInvitation(toPending.token)).organizationSlug).toBe(w.a.slug);
  },

  async listPendingInvitations() {
    const pending = await core.listPendingInvitations(w.a.ctx);
    expect(pending.map((i) => i.id)).not.toContain(w.b.pendingInvitationId);
    const bIds = new Set(bBefore.invitations.map((i) => i.id));
    expect(pending.filter((i) => bIds.has(i.id))).toEqual([]);
  },

  async revokeInvitation() {
    await expectAppError(core.revokeInvitation(w.a.ctx, { invitationId: w.b.pendingInvitationId }), "NOT_FOUND");
  },

  async listAuditEvents() {
    const { events } = await core.listAuditEvents(w.a.ctx, { limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    expect(onlyA(events)).toBe(true);
    const beyond = await core.listAuditEvents(w.a.ctx, { beforeSeq: 10_000, limit: 100 });
    expect(onlyA(beyond.events)).toBe(true);
    expect(beyond.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
  },

  async verifyAuditChain() {
    const result = await core.verifyAuditChain(w.a.ctx);
    expect(result).toEqual({ intact: true, checked: (await auditEventsOf(w.a.id)).length });
  },

  async listCatalogChanges() {
    const { changes } = await core.listCatalogChanges(w.a.ctx, { limit: 50 });
    expect(changes.map((c) => c.record.publication.id)).toEqual([`cv-${w.a.id}`]);
    // B's event id is no position in A's list.
    expect((await core.listCatalogChanges(w.a.ctx, { cursor: w.b.catalogImpactEventId })).changes).toEqual([]);
  },

  async listNotifications() {
    const { notifications } = await core.listNotifications(w.a.ctx, { limit: 100 });
    expect(notifications.map((n) => n.id)).toEqual([notes.aliceInA]);
    // A cursor naming one of B's rows (even one addressed to Alice) is no position in A's list.
    for (const cursor of [notes.aliceInB, notes.bobInB]) expect(await core.listNotifications(w.a.ctx, { cursor })).toEqual({ notifications: [], nextCursor: undefined });
  },

  async countUnreadNotifications() {
    expect(await core.countUnreadNotifications(w.a.ctx)).toBe(await tenantDb(w.a.id).notification.count({ where: { userId: w.alice.id, readAt: null } }));
  },

  async getCalendarFeedStatus() {
    // Alice's row in B is not her feed in A: A's status is her A row's, or none.
    const status = await core.getCalendarFeedStatus(w.a.ctx);
    const own = await tenantDb(w.a.id).calendarFeed.findFirst({ where: { userId: w.alice.id } });
    expect(status).toEqual({ active: Boolean(own), createdAt: own?.createdAt ?? null, rotatedAt: own?.rotatedAt ?? null });
    expect(status.createdAt).not.toEqual(calendarFeeds.aliceInBCreatedAt);
  },

  async createOrRotateCalendarFeed() {
    // Creating (and rotating) Alice's feed in A leaves her row and Bob's feed in B as they were.
    await core.createOrRotateCalendarFeed(w.a.ctx);
    const { token } = await core.createOrRotateCalendarFeed(w.a.ctx);
    const feed = await core.openCalendarFeed(token);
    expect(feed.organization.id).toBe(w.a.id);
    expect(feed.deadlines.filter((d) => d.sku.id === w.b.skuId)).toEqual([]);
    expect((await core.openCalendarFeed(calendarFeeds.bobInB)).organization.id).toBe(w.b.id);
  },

  async revokeCalendarFeed() {
    await core.createOrRotateCalendarFeed(w.a.ctx);
    await core.revokeCalendarFeed(w.a.ctx);
    // Nothing left in A, whatever Alice has in B.
    await expectAppError(core.revokeCalendarFeed(w.a.ctx), "NOT_FOUND");
  },

  async listOrganizationDeadlines() {
    const own = await core.listOrganizationDeadlines(w.a.ctx, { limit: 200 });
    expect(own.deadlines.length).toBeGreaterThan(0);
    expect(own.deadlines.every((d) => d.sku.id !== w.b.skuId)).toBe(true);
    // B's family as a filter finds nothing in A.
    expect((await core.listOrganizationDeadlines(w.a.ctx, { familyId: "not-a-family-of-a" })).total).toBe(0);
  },

  async getComplianceDashboard() {
    const own = await core.getComplianceDashboard(w.a.ctx);
    expect(own.skuCount).toBe(await tenantDb(w.a.id).sku.count({ where: { archivedAt: null } }));
    expect([...own.nextDeadlines, ...own.atRisk.skus.map((s) => ({ sku: s.sku }))].every((d) => d.sku.id !== w.b.skuId)).toBe(true);
    // "What changed" reads A's audit trail only.
    expect(own.changes.latest.every((c) => c.targetId !== w.b.skuId)).toBe(true);
  },

  async recordDashboardVisit() {
    const before = await tenantDb(w.b.id).membership.findMany({ select: { id: true, dashboardSeenAt: true, dashboardPreviousSeenAt: true }, orderBy: { id: "asc" } });
    await core.recordDashboardVisit(w.a.ctx);
    expect((await tenantDb(w.a.id).membership.findFirstOrThrow({ where: { userId: w.alice.id } })).dashboardSeenAt).not.toBeNull();
    expect(await tenantDb(w.b.id).membership.findMany({ select: { id: true, dashboardSeenAt: true, dashboardPreviousSeenAt: true }, orderBy: { id: "asc" } })).toEqual(before);
  },

  async markNotificationsRead() {
    expect(await core.markNotificationsRead(w.a.ctx, { ids: [notes.aliceInB, notes.bobInB] })).toEqual({ marked: 0 });
    // "All" means the caller's own rows in A only; B's stay unread (checked by afterEach).
    await core.markNotificationsRead(w.a.ctx, { all: true });
    expect(await tenantDb(w.a.id).notification.count({ where: { readAt: null } })).toBe(0);
  },
};

describe("tenant isolation of core services", () => {
  it.each(Object.keys(CASES))("%s with A's context cannot reach B", async (name) => {
    await CASES[name]!();
  });

  it("resolveTenantContext refuses an organization the user is not a member of (NOT_FOUND)", async () => {
    await expectAppError(core.resolveTenantContext(w.alice, w.b.slug), "NOT_FOUND");
    await expectAppError(core.resolveTenantContext(w.alice, "no-such-organization"), "NOT_FOUND");
    expect((await core.resolveTenantContext(w.alice, w.a.slug)).organizationId).toBe(w.a.id);
  });

  it("listOrganizationsOfUser lists only the user's own organizations", async () => {
    const orgs = await core.listOrganizationsOfUser(w.alice.id);
    expect(orgs.map((o) => o.id)).toEqual([w.a.id]);
  });

  it("covers every exported core function whose first parameter is a TenantContext", () => {
    const takesContext = Object.entries(core)
      .filter(([, value]) => typeof value === "function")
      .filter(([, fn]) => /^(async\s+)?(function\s*\*?\s*[\w$]*\s*\(\s*ctx\b|\(\s*ctx\b|ctx\s*=>)/.test(Function.prototype.toString.call(fn)))
      .map(([name]) => name)
      .filter((name) => !PURE_PERMISSION_CHECKS.includes(name))
      .sort();
    // Fails when a new tenant service is exported without a case above (or a case names a removed one).
    expect(takesContext).toEqual(Object.keys(CASES).sort());
  });
});
