import { platformDb, tenantDb } from "@hopquy/db";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createSku } from "../skus/create-sku";
import { addFirmwareVersion } from "../skus/add-firmware-version";
import type { TargetCatalog } from "../assessments/target-catalog";
import { auditEventsOf, createTeam, expectAppError } from "../testing/fixtures";
import { createTempBlobStore, ensureTargetCatalog, pdfBytes, streamOf } from "../testing/evidence-fixtures";
import { createEvidence, updateEvidence } from "./create-evidence";
import { openEvidenceFileByHash, openEvidenceRevision, uploadEvidenceRevision, verifyEvidenceRevision } from "./evidence-files";
import { getEvidence } from "./get-evidence";
import { linkEvidenceToClause, linkEvidenceToSku, unlinkEvidenceFromClause, unlinkEvidenceFromSku } from "./link-evidence";
import { listEvidence } from "./list-evidence";
import { reopenEvidence, reviewEvidence, submitEvidence } from "./review-evidence";

const store = createTempBlobStore();
let target: TargetCatalog;
const camera = { modelCode: "HC-EVD-1", brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN" };

beforeAll(async () => {
  target = await ensureTargetCatalog();
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function statusOf(organizationId: string, skuId: string, clauseId: string) {
  const row = await tenantDb(organizationId).assessment.findFirst({ where: { skuId, clauseId, current: true } });
  return row?.status;
}

describe("evidence", () => {
  it("creates file evidence, stores revisions by sha256 and keeps old ones", async () => {
    const team = await createTeam();
    const evidence = await createEvidence(team.ctx.contributor, { kind: "lab_test_report", title: "EN 303 645 report", issuer: "Lab A", expiryDate: "2027-12-31" });
    expect(evidence).toMatchObject({ reviewState: "draft", issuer: "Lab A", createdByEmail: team.users.contributor.email });
    const first = pdfBytes("v1");
    const r1 = await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: evidence.id, fileName: "../../etc/Báo cáo v1.pdf", stream: streamOf(first), declaredMediaType: "application/pdf" });
    const r2 = await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: evidence.id, fileName: "report v2.pdf", stream: streamOf(pdfBytes("v2")) });
    expect([r1.number, r2.number]).toEqual([1, 2]);
    expect(r1).toMatchObject({ mediaType: "application/pdf", sizeBytes: first.length });
    expect(r1.fileName).not.toContain("/");
    expect(r1.fileName).not.toContain("..");
    expect(r1.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r1.sha256).not.toBe(r2.sha256);

    const download = await openEvidenceRevision(team.ctx.viewer, store, r1.id);
    expect(await readAll(download.stream)).toEqual(first);
    const byHash = await openEvidenceFileByHash(team.ctx.viewer, store, r1.sha256);
    expect(byHash.fileName).toBe(r1.fileName);
    await byHash.stream.resume();
    expect(await verifyEvidenceRevision(team.ctx.viewer, store, r1.id)).toMatchObject({ intact: true, sha256: r1.sha256 });
    const loaded = await getEvidence(team.ctx.viewer, evidence.id);
    expect(loaded.revisions.map((r) => r.number)).toEqual([2, 1]);
    const actions = (await auditEventsOf(team.organization.id)).map((e) => e.action);
    expect(actions.filter((a) => a === "evidence.revision_uploaded")).toHaveLength(2);
  });

  it("refuses bad files with a clear reason and records nothing", async () => {
    const team = await createTeam();
    const evidence = await createEvidence(team.ctx.owner, { kind: "certificate", title: "Cert" });
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), "empty_file"],
      [Buffer.from("MZ\x90\x00 not an allowed type \x00\x01\x02\x03", "binary"), "unsupported_media_type"],
    ];
    for (const [bytes, reason] of cases) {
      const error = await expectAppError(uploadEvidenceRevision(team.ctx.owner, store, { evidenceId: evidence.id, fileName: "x.pdf", stream: streamOf(bytes) }), "VALIDATION");
      expect(error.details?.reason).toBe(reason);
    }
    expect(await tenantDb(team.organization.id).evidenceRevision.count()).toBe(0);
    // A firmware package may be unrecognised binary; a statement has no file at all.
    const firmware = await createEvidence(team.ctx.owner, { kind: "firmware_package", title: "FW 2.0" });
    await expect(uploadEvidenceRevision(team.ctx.owner, store, { evidenceId: firmware.id, fileName: "fw.bin", stream: streamOf(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x80, 0x13])) })).resolves.toMatchObject({ mediaType: "application/octet-stream" });
    const statement = await createEvidence(team.ctx.owner, { kind: "statement", title: "No debug port", statementText: "The UART pads are removed in production." });
    const error = await expectAppError(uploadEvidenceRevision(team.ctx.owner, store, { evidenceId: statement.id, fileName: "a.pdf", stream: streamOf(pdfBytes()) }), "VALIDATION");
    expect(error.details?.reason).toBe("kind_without_file");
  });

  it("validates fields: link URLs must be http(s), statements need text, expiry after effective date", async () => {
    const team = await createTeam();
    await expect(createEvidence(team.ctx.owner, { kind: "link", title: "Policy", url: "javascript:alert(1)" })).rejects.toBeInstanceOf(ZodError);
    await expect(createEvidence(team.ctx.owner, { kind: "statement", title: "S" })).rejects.toBeInstanceOf(ZodError);
    await expect(createEvidence(team.ctx.owner, { kind: "certificate", title: "C", effectiveDate: "2026-05-01", expiryDate: "2026-04-01" })).rejects.toBeInstanceOf(ZodError);
    await expect(createEvidence(team.ctx.owner, { kind: "link", title: "VDP", url: "https://example.com/security" })).resolves.toMatchObject({ url: "https://example.com/security" });
    await expectAppError(createEvidence(team.ctx.viewer, { kind: "certificate", title: "C" }), "FORBIDDEN");
  });

  it("review workflow: draft -> submitted -> accepted | rejected; only managers and owners decide", async () => {
    const team = await createTeam();
    const evidence = await createEvidence(team.ctx.contributor, { kind: "policy", title: "VDP" });
    expect((await expectAppError(submitEvidence(team.ctx.contributor, { evidenceId: evidence.id }), "VALIDATION")).details?.reason).toBe("evidence_without_file");
    await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: evidence.id, fileName: "vdp.pdf", stream: streamOf(pdfBytes()) });
    expect((await expectAppError(reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "accept" }), "CONFLICT")).details?.reason).toBe("invalid_evidence_state");
    await submitEvidence(team.ctx.contributor, { evidenceId: evidence.id });
    await expectAppError(reviewEvidence(team.ctx.contributor, { evidenceId: evidence.id, decision: "accept" }), "FORBIDDEN");
    await expect(reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "reject" })).rejects.toBeInstanceOf(ZodError);
    await reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "reject", comment: "Unsigned copy" });
    expect(await getEvidence(team.ctx.viewer, evidence.id)).toMatchObject({ reviewState: "rejected", reviewComment: "Unsigned copy", reviewedByEmail: team.users.manager.email });
    await updateEvidence(team.ctx.contributor, { evidenceId: evidence.id, kind: "policy", title: "VDP (signed)" });
    await submitEvidence(team.ctx.contributor, { evidenceId: evidence.id });
    await expectAppError(updateEvidence(team.ctx.contributor, { evidenceId: evidence.id, kind: "policy", title: "changed under review" }), "CONFLICT");
    // Two reviewers at once: exactly one decision lands.
    const outcomes = await Promise.allSettled([
      reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "accept" }),
      reviewEvidence(team.ctx.owner, { evidenceId: evidence.id, decision: "reject", comment: "no" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    await reopenEvidence(team.ctx.contributor, { evidenceId: evidence.id });
    expect((await getEvidence(team.ctx.viewer, evidence.id)).reviewState).toBe("draft");
    const actions = (await auditEventsOf(team.organization.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["evidence.submitted", "evidence.rejected", "evidence.updated", "evidence.reopened"]));
  });

  it("links one evidence to clauses of several catalogs and to several SKUs; accepted evidence covers the QCVN 11 clauses", async () => {
    const team = await createTeam();
    const [skuA, skuB] = [await createSku(team.ctx.owner, camera), await createSku(team.ctx.owner, { ...camera, modelCode: "HC-EVD-2" })];
    const [c1, c2] = [target.clauses[0]!, target.clauses[1]!];
    const etsi = await platformDb().clause.findFirstOrThrow({ where: { code: "5.1-1", catalogVersion: { regulation: "ETSI_EN_303_645", version: "V2.1.1" } } });
    const report = await createEvidence(team.ctx.contributor, { kind: "lab_test_report", title: "Family test report" });
    await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: report.id, fileName: "r.pdf", stream: streamOf(pdfBytes()) });
    for (const clauseId of [c1.id, c2.id, etsi.id]) await linkEvidenceToClause(team.ctx.contributor, { evidenceId: report.id, clauseId, note: "section 4" });
    expect((await expectAppError(linkEvidenceToClause(team.ctx.contributor, { evidenceId: report.id, clauseId: c1.id }), "CONFLICT")).details?.reason).toBe("duplicate_link");
    await expectAppError(linkEvidenceToClause(team.ctx.contributor, { evidenceId: report.id, clauseId: "no-such-clause" }), "NOT_FOUND");
    expect(await statusOf(team.organization.id, skuA.id, c1.id)).toBe("not_started");
    await linkEvidenceToSku(team.ctx.contributor, { evidenceId: report.id, skuId: skuA.id });
    await linkEvidenceToSku(team.ctx.contributor, { evidenceId: report.id, skuId: skuB.id, note: "same board" });
    // Work under way (a draft) shows as in progress; only accepted evidence covers.
    expect(await statusOf(team.organization.id, skuA.id, c1.id)).toBe("in_progress");
    await submitEvidence(team.ctx.contributor, { evidenceId: report.id });
    expect(await statusOf(team.organization.id, skuA.id, c1.id)).toBe("in_progress");
    await reviewEvidence(team.ctx.owner, { evidenceId: report.id, decision: "accept" });
    for (const sku of [skuA, skuB]) {
      expect(await statusOf(team.organization.id, sku.id, c1.id)).toBe("covered");
      expect(await statusOf(team.organization.id, sku.id, c2.id)).toBe("covered");
      expect(await statusOf(team.organization.id, sku.id, target.clauses[2]!.id)).toBe("not_started");
    }
    // A new file goes back to review: coverage waits for the reviewer.
    await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: report.id, fileName: "r2.pdf", stream: streamOf(pdfBytes("v2")) });
    expect((await getEvidence(team.ctx.viewer, report.id)).reviewState).toBe("draft");
    expect(await statusOf(team.organization.id, skuA.id, c1.id)).toBe("in_progress");

    const loaded = await getEvidence(team.ctx.viewer, report.id);
    expect(loaded.clauseLinks.map((l) => l.clause.catalogVersion.regulation).sort()).toEqual(["ETSI_EN_303_645", "QCVN_11_2026_BCA", "QCVN_11_2026_BCA"]);
    await unlinkEvidenceFromClause(team.ctx.contributor, { linkId: loaded.clauseLinks[0]!.id });
    await unlinkEvidenceFromSku(team.ctx.contributor, { linkId: loaded.skuLinks[1]!.id });
    const after = await getEvidence(team.ctx.viewer, report.id);
    expect([after.clauseLinks.length, after.skuLinks.length]).toEqual([2, 1]);
    expect((await listEvidence(team.ctx.viewer, { skuId: skuB.id })).evidence).toEqual([]);
    expect((await listEvidence(team.ctx.viewer, { skuId: skuA.id })).evidence.map((e) => e.id)).toEqual([report.id]);
  });

  it("firmware-dependent evidence stops counting when a new firmware version ships (needs re-verification)", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    const fw1 = await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "1.0", releaseDate: "2026-01-10" });
    const clause = target.clauses[0]!;
    const make = async (title: string, firmwareDependent: boolean, firmwareVersionId?: string) => {
      const e = await createEvidence(team.ctx.owner, { kind: "lab_test_report", title, firmwareDependent });
      await uploadEvidenceRevision(team.ctx.owner, store, { evidenceId: e.id, fileName: "r.pdf", stream: streamOf(pdfBytes(title)) });
      await linkEvidenceToClause(team.ctx.owner, { evidenceId: e.id, clauseId: clause.id });
      await linkEvidenceToSku(team.ctx.owner, { evidenceId: e.id, skuId: sku.id, firmwareVersionId });
      await submitEvidence(team.ctx.owner, { evidenceId: e.id });
      await reviewEvidence(team.ctx.owner, { evidenceId: e.id, decision: "accept" });
      return e;
    };
    await make("pen test on 1.0", true, fw1.id);
    const row = () => tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: clause.id, current: true } });
    expect(await row()).toMatchObject({ status: "covered", firmwareVersionId: fw1.id, needsReview: false });
    await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "2.0", releaseDate: "2026-06-01" });
    expect(await row()).toMatchObject({ status: "not_started", needsReview: true, needsReviewReason: "firmware_changed" });
    // Back-filling an older version does not move the SKU back in time.
    await addFirmwareVersion(team.ctx.owner, { skuId: sku.id, version: "0.9", releaseDate: "2025-06-01" });
    expect((await row()).status).toBe("not_started");
    // Evidence that does not depend on firmware carries over.
    await make("design document", false, fw1.id);
    expect(await row()).toMatchObject({ status: "covered" });
    const otherFirmware = await addFirmwareVersion(team.ctx.owner, { skuId: (await createSku(team.ctx.owner, { ...camera, modelCode: "OTHER" })).id, version: "1.0" });
    const e = await createEvidence(team.ctx.owner, { kind: "certificate", title: "x" });
    expect((await expectAppError(linkEvidenceToSku(team.ctx.owner, { evidenceId: e.id, skuId: sku.id, firmwareVersionId: otherFirmware.id }), "VALIDATION")).details?.reason).toBe("firmware_of_other_sku");
  });

  it("expired or rejected evidence covers nothing", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, camera);
    const clause = target.clauses[3]!;
    const e = await createEvidence(team.ctx.owner, { kind: "certificate", title: "Old cert", expiryDate: "2020-01-01" });
    await uploadEvidenceRevision(team.ctx.owner, store, { evidenceId: e.id, fileName: "c.pdf", stream: streamOf(pdfBytes()) });
    await linkEvidenceToClause(team.ctx.owner, { evidenceId: e.id, clauseId: clause.id });
    await linkEvidenceToSku(team.ctx.owner, { evidenceId: e.id, skuId: sku.id });
    await submitEvidence(team.ctx.owner, { evidenceId: e.id });
    await reviewEvidence(team.ctx.owner, { evidenceId: e.id, decision: "accept" });
    const row = await tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: clause.id, current: true } });
    expect(row.status).toBe("not_started");
    expect(JSON.stringify(row.explanation)).toContain("expired");
  });
});
