// Risk lists: imported like catalogs (validated, immutable, revisioned), then applied to every
// organization's SKUs by the impact job: the list classifies, a manual class wins and is flagged.
import { AMENDED_RISK_LIST_YAML, PUBLISHED_RISK_LIST_YAML } from "@hopquy/catalog/testing/risk-list-fixtures";
import { platformDb, tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { exportRiskList, listRiskLists } from "../catalog/export-reference-data";
import { importReferenceFile } from "../catalog/import-reference-file";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { createPlatformAdmin } from "../catalog/testing/catalog-fixtures";
import { createSku } from "../skus/create-sku";
import { createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { applyRiskListPublication, RISK_LIST_APPLIED_ACTION } from "./apply-risk-list-publication";
import { findRiskListInForce, riskListRulesOf } from "./risk-list-in-force";

let admin: Awaited<ReturnType<typeof createPlatformAdmin>>;
let team: TestTeam;
let listed: { id: string };
let manual: { id: string };
let unlisted: { id: string };

const skuInput = (modelCode: string, hsCode: string | undefined) => ({ modelCode, brand: "Test", manufacturer: "Test Co", countryOfOrigin: "VN", hsCode });

async function importList(text: string, fileName = "mps-risk-list.yaml") {
  const result = await importReferenceFile(admin, { fileName, text });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const skuOf = (id: string) => tenantDb(team.organization.id).sku.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  await loadShippedReferenceData();
  admin = await createPlatformAdmin();
  team = await createTeam();
  listed = await createSku(team.ctx.owner, skuInput(`RL-LISTED-${Date.now()}`, "8525.89.10"));
  manual = await createSku(team.ctx.owner, skuInput(`RL-MANUAL-${Date.now()}`, "8525.89.90"));
  // Set by hand before any list was in force (as the SKU form does).
  await tenantDb(team.organization.id).sku.update({ where: { id: manual.id }, data: { riskClassManual: "high", riskClass: "high", riskClassOrigin: "manual", riskClassReason: "Lab advice" } });
  unlisted = await createSku(team.ctx.owner, skuInput(`RL-OTHER-${Date.now()}`, "8471.30"));
});

describe("importing a risk list", () => {
  it("publishes a new revision that becomes the list in force, and an identical file adds nothing", async () => {
    // A version of this file's own: another file may have published the plain fixture already.
    const text = PUBLISHED_RISK_LIST_YAML.replace("version: test-published", `version: risk-lists-${Date.now()}`);
    const first = await importList(text);
    expect(first).toMatchObject({ ok: true, kind: "risk-list", created: true, label: "125/2026/TT-BCA (revision " + first.revision + ")" });
    const again = await importList(text);
    expect(again).toMatchObject({ created: false, id: first.id });
    const inForce = await findRiskListInForce();
    expect(inForce?.id).toBe(first.id);
    const rules = riskListRulesOf(inForce!);
    expect(rules).toMatchObject({ status: "published", effectiveDate: "2027-01-01", publicationDate: "2026-12-01" });
    expect(rules.obligations.high).toEqual({ declarationRequired: "yes", certificationRequired: "yes", gracePeriodDays: 90, redeclareOnNewFirmware: "unknown", redeclareWithinDays: null });
  });

  it("refuses an invalid list with the problem's line and writes nothing", async () => {
    const before = await platformDb().riskList.count();
    const broken = PUBLISHED_RISK_LIST_YAML.replace("riskClass: high\n    title: { vi: Camera tốc độ cao", "riskClass: severe\n    title: { vi: Camera tốc độ cao");
    const result = await importReferenceFile(admin, { fileName: "broken.yaml", text: broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split("\n").findIndex((l) => l.includes("riskClass: severe")) + 1;
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line, path: "entries[1].riskClass" })]));
    expect(await platformDb().riskList.count()).toBe(before);
  });

  it("is for platform admins only", async () => {
    const user = await createTestUser();
    await expectAppError(importReferenceFile({ id: user.id, email: user.email, isPlatformAdmin: false }, { fileName: "l.yaml", text: PUBLISHED_RISK_LIST_YAML }), "FORBIDDEN");
  });

  it("exports a revision (YAML and CSV) that imports back as the same content", async () => {
    const inForce = (await findRiskListInForce())!;
    for (const format of ["yaml", "csv"] as const) {
      const file = await exportRiskList(inForce.id, format);
      expect(await importList(file.body, file.fileName)).toMatchObject({ created: false, id: inForce.id });
    }
    const listed = await listRiskLists();
    expect(listed[0]).toMatchObject({ id: inForce.id, inForce: true });
    expect(listed.slice(1).every((l) => !l.inForce)).toBe(true);
  });

  it("keeps published rows immutable", async () => {
    const inForce = await findRiskListInForce();
    await expect(platformDb().riskList.update({ where: { id: inForce!.id }, data: { status: "amended" } })).rejects.toThrow(/immutable/);
  });
});

describe("applying a publication to the organizations' SKUs", () => {
  it("classifies by HS code prefix, keeps a manual class and flags the disagreement, and tells owners and managers once", async () => {
    const inForce = (await findRiskListInForce())!;
    const summary = await applyRiskListPublication({ riskListId: inForce.id });
    expect(summary.inForce).toBe(true);
    expect(await skuOf(listed.id)).toMatchObject({ riskClass: "medium", riskClassOrigin: "list", listRiskClass: "medium", listRiskEntryId: "hs-8525-89", riskListId: inForce.id });
    expect(await skuOf(manual.id)).toMatchObject({ riskClass: "high", riskClassOrigin: "manual", listRiskClass: "medium" });
    expect(await skuOf(unlisted.id)).toMatchObject({ riskClass: "unclassified", riskClassOrigin: "none", listRiskClass: null });

    const db = tenantDb(team.organization.id);
    const events = await db.auditEvent.findMany({ where: { action: RISK_LIST_APPLIED_ACTION, targetId: inForce.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ reclassifiedSkus: 2, conflicts: 1 });
    const notices = await db.notification.findMany({ where: { kind: "risk-list.published" }, orderBy: { userId: "asc" } });
    expect(notices.map((n) => n.userId).sort()).toEqual([team.users.owner.id, team.users.manager.id].sort());
    expect(notices[0]!.payload).toMatchObject({ riskListId: inForce.id, effectiveDate: "2027-01-01", conflicts: 1 });

    // A retried job: nothing is recorded or told twice.
    const retry = await applyRiskListPublication({ riskListId: inForce.id });
    expect(retry.alreadyDone).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { action: RISK_LIST_APPLIED_ACTION, targetId: inForce.id } })).toBe(1);
    expect(await db.notification.count({ where: { kind: "risk-list.published", payload: { path: ["riskListId"], equals: inForce.id } } })).toBe(2);
  });

  it("re-classifies after an amendment; the superseded revision is no longer applied", async () => {
    const previous = (await findRiskListInForce())!;
    const amended = await importList(AMENDED_RISK_LIST_YAML, "amended.yaml");
    expect(amended.revision).toBe(previous.revision + 1);
    expect((await applyRiskListPublication({ riskListId: previous.id })).inForce).toBe(false);
    await applyRiskListPublication({ riskListId: amended.id });
    expect(await skuOf(listed.id)).toMatchObject({ riskClass: "high", riskClassOrigin: "list", riskListId: amended.id });
    // The manual class now agrees with the list.
    expect(await skuOf(manual.id)).toMatchObject({ riskClass: "high", riskClassOrigin: "manual", listRiskClass: "high" });
  });

  it("rejects an unknown list id", async () => {
    await expectAppError(applyRiskListPublication({ riskListId: "no-such-list" }), "NOT_FOUND");
  });
});
