// Declarations of conformity recorded for a SKU meet its deadlines; a withdrawn one does not.
// Only owners and managers record them; they are stamped with the list in force and audited.
import { tenantDb } from "@hopquy/db";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { isoToday } from "../assessments/today";
import { addFirmwareVersion } from "../skus/add-firmware-version";
import { createSku } from "../skus/create-sku";
import { getSkuObligations } from "../skus/get-sku-obligations";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { publishTestRiskList } from "../testing/risk-list-publication";
import { listSkuDeclarations } from "./list-sku-declarations";
import { recordDeclaration, setDeclarationStatus } from "./record-declaration";

// Test list: 8525.89 medium (declaration, 180 days' grace after 2027-01-01 → due 2027-06-30),
// 8525.81 high (declaration and certification, 90 days → due 2027-04-01).
const TODAY = "2027-06-05";
let team: TestTeam;
let listId: string;
let medium: { id: string };
let high: { id: string };
let other: { id: string };
let firmware: { id: string };
let otherFirmware: { id: string };
const suffix = Date.now();
const skuInput = (modelCode: string, hsCode: string) => ({ modelCode: `${modelCode}-${suffix}`, brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN", hsCode, onMarketSince: "2026-06-01" });
const obligationsOf = async (skuId: string) => (await getSkuObligations(team.ctx.viewer, { skuId, today: TODAY })).obligations;
const kindOf = async (skuId: string, kind: string) => (await obligationsOf(skuId)).find((o) => o.kind === kind);

async function zodIssues(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues.map((i) => [i.path.join("."), i.message]);
}

beforeAll(async () => {
  listId = (await publishTestRiskList("test-published-declarations")).id;
  team = await createTeam();
  medium = await createSku(team.ctx.owner, skuInput("DC-MEDIUM", "8525.89.10"));
  high = await createSku(team.ctx.owner, skuInput("DC-HIGH", "8525.81.00"));
  other = await createSku(team.ctx.owner, skuInput("DC-OTHER", "8525.89.40"));
  firmware = await addFirmwareVersion(team.ctx.owner, { skuId: medium.id, version: "1.0.0", releaseDate: "2026-05-01" });
  otherFirmware = await addFirmwareVersion(team.ctx.owner, { skuId: other.id, version: "9.0.0" });
});

describe("recording a declaration", () => {
  it("meets the declaration deadline, is stamped with the list in force and audited on the SKU", async () => {
    expect(await kindOf(medium.id, "declaration")).toMatchObject({ dueDate: "2027-06-30", state: "due_soon", daysLeft: 25, metBy: null });
    const declaration = await recordDeclaration(team.ctx.manager, {
      skuId: medium.id,
      firmwareVersionId: firmware.id,
      route: "self_assessment",
      filedOn: "2026-11-20",
      authority: "  Cục An ninh mạng (A05)  ",
      receiptNumber: "HS-2026-0042",
      channel: "",
    });
    expect(declaration).toMatchObject({ status: "submitted", riskListId: listId, authority: "Cục An ninh mạng (A05)", channel: null, createdByEmail: team.users.manager.email, filedOn: new Date("2026-11-20T00:00:00Z") });
    expect(await kindOf(medium.id, "declaration")).toMatchObject({ state: "met", metBy: declaration.id });

    const event = (await auditEventsOf(team.organization.id)).at(-1);
    expect(event).toMatchObject({ action: "declaration.recorded", targetType: "sku", targetId: medium.id, actorEmail: team.users.manager.email, after: { declarationId: declaration.id, filedOn: "2026-11-20", riskListId: listId } });
    expect(await listSkuDeclarations(team.ctx.viewer, medium.id)).toEqual([expect.objectContaining({ id: declaration.id, firmwareVersion: "1.0.0", receiptNumber: "HS-2026-0042" })]);
  });

  it("meets certification only through the certification route, which names its body", async () => {
    await recordDeclaration(team.ctx.owner, { skuId: high.id, route: "self_assessment", filedOn: "2026-11-01" });
    expect(await kindOf(high.id, "declaration")).toMatchObject({ state: "met" });
    expect(await kindOf(high.id, "certification")).toMatchObject({ state: "overdue", dueDate: "2027-04-01", metBy: null });
    expect(await zodIssues(recordDeclaration(team.ctx.owner, { skuId: high.id, route: "certification", filedOn: "2026-11-02" }))).toEqual([["certificationBody", "certification_body_required"]]);
    const certified = await recordDeclaration(team.ctx.owner, { skuId: high.id, route: "certification", filedOn: "2026-11-02", certificationBody: "Trung tâm Kiểm định", certificateNumber: "C-1" });
    expect(await kindOf(high.id, "certification")).toMatchObject({ state: "met", metBy: certified.id });
  });

  it("names each invalid field: future filing date, unknown route, too long texts", async () => {
    expect(await zodIssues(recordDeclaration(team.ctx.owner, { skuId: medium.id, route: "self_assessment", filedOn: "2999-01-01" }))).toEqual([["filedOn", "date_in_future"]]);
    expect(await zodIssues(recordDeclaration(team.ctx.owner, { skuId: medium.id, route: "by_fax" as never, filedOn: "01/02/2026", note: "x".repeat(2001) }))).toEqual([
      ["route", "invalid_declaration_route"],
      ["filedOn", "invalid_date"],
      ["note", "too_long"],
    ]);
    // Today itself is fine.
    await recordDeclaration(team.ctx.owner, { skuId: other.id, route: "self_assessment", filedOn: isoToday() });
  });

  it("refuses firmware of another SKU, and unknown ids", async () => {
    const error = await expectAppError(recordDeclaration(team.ctx.owner, { skuId: medium.id, firmwareVersionId: otherFirmware.id, route: "self_assessment", filedOn: "2026-11-21" }), "VALIDATION");
    expect(error.details).toEqual({ reason: "firmware_of_other_sku" });
    await expectAppError(recordDeclaration(team.ctx.owner, { skuId: medium.id, firmwareVersionId: "no-such-firmware", route: "self_assessment", filedOn: "2026-11-21" }), "NOT_FOUND");
    await expectAppError(recordDeclaration(team.ctx.owner, { skuId: "no-such-sku", route: "self_assessment", filedOn: "2026-11-21" }), "NOT_FOUND");
    await expectAppError(setDeclarationStatus(team.ctx.owner, { declarationId: "no-such-declaration", status: "acknowledged" }), "NOT_FOUND");
  });

  it("is for owners and managers; everyone who reads SKUs sees the declarations", async () => {
    const count = () => tenantDb(team.organization.id).declarationSubmission.count();
    const before = await count();
    for (const role of ["viewer", "contributor"] as const) {
      await expectAppError(recordDeclaration(team.ctx[role], { skuId: medium.id, route: "self_assessment", filedOn: "2026-11-22" }), "FORBIDDEN");
    }
    const [declaration] = await listSkuDeclarations(team.ctx.contributor, medium.id);
    await expectAppError(setDeclarationStatus(team.ctx.contributor, { declarationId: declaration!.id, status: "withdrawn" }), "FORBIDDEN");
    expect(await count()).toBe(before);
    expect((await listSkuDeclarations(team.ctx.viewer, medium.id))[0]!.status).toBe("submitted");
  });
});

describe("changing a declaration's status", () => {
  it("keeps an acknowledged declaration meeting the deadline; a withdrawn one no longer does and stays withdrawn", async () => {
    const sku = await createSku(team.ctx.owner, skuInput("DC-STATUS", "8525.89.50"));
    const declaration = await recordDeclaration(team.ctx.owner, { skuId: sku.id, route: "self_assessment", filedOn: "2026-11-10" });
    const acknowledged = await setDeclarationStatus(team.ctx.manager, { declarationId: declaration.id, status: "acknowledged" });
    expect(acknowledged.status).toBe("acknowledged");
    expect(await kindOf(sku.id, "declaration")).toMatchObject({ state: "met", metBy: declaration.id });
    expect((await expectAppError(setDeclarationStatus(team.ctx.manager, { declarationId: declaration.id, status: "acknowledged" }), "VALIDATION")).details).toEqual({ reason: "status_unchanged" });

    await setDeclarationStatus(team.ctx.owner, { declarationId: declaration.id, status: "withdrawn" });
    expect(await kindOf(sku.id, "declaration")).toMatchObject({ state: "due_soon", metBy: null, dueDate: "2027-06-30" });
    expect((await expectAppError(setDeclarationStatus(team.ctx.owner, { declarationId: declaration.id, status: "acknowledged" }), "VALIDATION")).details).toEqual({ reason: "declaration_withdrawn" });
    expect(await zodIssues(setDeclarationStatus(team.ctx.owner, { declarationId: declaration.id, status: "submitted" as never }))).toEqual([["status", "invalid_declaration_status"]]);

    const events = (await auditEventsOf(team.organization.id)).filter((e) => e.action === "declaration.status_changed" && e.targetId === sku.id);
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ declarationId: declaration.id, status: "submitted" }, { declarationId: declaration.id, status: "acknowledged", filedOn: "2026-11-10" }],
      [{ declarationId: declaration.id, status: "acknowledged" }, { declarationId: declaration.id, status: "withdrawn", filedOn: "2026-11-10" }],
    ]);
  });
});
