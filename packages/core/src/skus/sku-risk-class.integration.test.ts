// The SKU's risk class: the form's class is the one set by hand and wins; "unclassified" leaves it
// to the MPS list in force (HS code prefix or product category). Market facts are validated.
import { serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auditEventsOf, createTeam, type TestTeam } from "../testing/fixtures";
import { importFile, uploadAndCheck } from "../testing/import-runs";
import { publishTestRiskList } from "../testing/risk-list-publication";
import { csvBytes } from "../testing/sku-sheet-fixtures";
import { createSku } from "./create-sku";
import { exportSkus } from "./export-skus";
import { getSkuObligations } from "./get-sku-obligations";
import { DEFAULT_RISK_CLASS_REASONS } from "./sku-input";
import { updateSku } from "./update-sku";

let team: TestTeam;
let listId: string;
const suffix = Date.now();
const base = (modelCode: string, hsCode?: string) => ({ modelCode: `${modelCode}-${suffix}`, brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN", ...(hsCode ? { hsCode } : {}) });
const rowOf = (id: string) => tenantDb(team.organization.id).sku.findUniqueOrThrow({ where: { id } });

async function zodIssues(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ZodError);
  return (error as ZodError).issues.map((i) => [i.path.join("."), i.message]);
}

beforeAll(async () => {
  listId = (await publishTestRiskList("test-published-sku-risk-class")).id;
  team = await createTeam();
});

describe("the risk class of a SKU", () => {
  it("takes the list's class when none is set by hand (HS code prefix, or product category)", async () => {
    const byHs = await createSku(team.ctx.contributor, base("RC-HS", "8525.81.00"));
    expect(byHs).toMatchObject({ riskClass: "high", riskClassOrigin: "list", riskClassManual: null, riskClassReason: null, listRiskClass: "high", listRiskEntryId: "hs-8525-81", riskListId: listId });
    const byCategory = await createSku(team.ctx.contributor, { ...base("RC-CAT"), productCategory: "baby-monitor" });
    expect(byCategory).toMatchObject({ riskClass: "low", riskClassOrigin: "list", listRiskEntryId: "baby-monitor", productCategory: "baby-monitor" });
    const unlisted = await createSku(team.ctx.contributor, base("RC-NONE", "8471.30"));
    expect(unlisted).toMatchObject({ riskClass: "unclassified", riskClassOrigin: "none", listRiskClass: null, riskListId: null });
  });

  it("keeps a class set by hand over the list, with a default reason and who set it, and flags the conflict", async () => {
    const sku = await createSku(team.ctx.contributor, { ...base("RC-MANUAL", "8525.89.10"), riskClass: "high" });
    expect(sku).toMatchObject({
      riskClass: "high",
      riskClassOrigin: "manual",
      riskClassManual: "high",
      riskClassReason: DEFAULT_RISK_CLASS_REASONS.create,
      riskClassSetByEmail: team.users.contributor.email,
      listRiskClass: "medium",
      listRiskEntryId: "hs-8525-89",
    });
    expect(sku.riskClassSetAt).toBeInstanceOf(Date);
    const { sku: obligationSku, list } = await getSkuObligations(team.ctx.viewer, { skuId: sku.id, today: "2027-02-01" });
    expect(list?.id).toBe(listId);
    expect(obligationSku).toMatchObject({ riskClass: "high", riskClassOrigin: "manual", listRiskClass: "medium", classConflict: true });

    // A class that agrees with the list is no conflict.
    const agreeing = await createSku(team.ctx.contributor, { ...base("RC-AGREE", "8525.89.11"), riskClass: "medium", riskClassReason: "Lab advice" });
    expect(agreeing).toMatchObject({ riskClassOrigin: "manual", riskClassReason: "Lab advice" });
    expect((await getSkuObligations(team.ctx.viewer, { skuId: agreeing.id })).sku.classConflict).toBe(false);
  });

  it("re-classifies when the HS code changes, and hands the class back to the list when the manual one is cleared", async () => {
    const camera = base("RC-EDIT", "8471.30");
    const sku = await createSku(team.ctx.owner, camera);
    expect(sku.riskClassOrigin).toBe("none");

    await updateSku(team.ctx.contributor, { skuId: sku.id, ...camera, hsCode: "8525.89.20" });
    expect(await rowOf(sku.id)).toMatchObject({ riskClass: "medium", riskClassOrigin: "list", listRiskEntryId: "hs-8525-89" });
    const events = () => auditEventsOf(team.organization.id).then((all) => all.filter((e) => e.targetId === sku.id && e.action === "sku.updated"));
    expect((await events()).at(-1)).toMatchObject({
      before: { hsCode: "8471.30", riskClass: "unclassified", riskClassOrigin: "none" },
      after: { hsCode: "8525.89.20", riskClass: "medium", riskClassOrigin: "list" },
    });

    await updateSku(team.ctx.manager, { skuId: sku.id, ...camera, hsCode: "8525.89.20", riskClass: "low" });
    expect(await rowOf(sku.id)).toMatchObject({ riskClass: "low", riskClassOrigin: "manual", riskClassReason: DEFAULT_RISK_CLASS_REASONS.update, riskClassSetByEmail: team.users.manager.email, listRiskClass: "medium" });
    // The same class again with a reason: the reason and its author change, nothing else.
    await updateSku(team.ctx.owner, { skuId: sku.id, ...camera, hsCode: "8525.89.20", riskClass: "low", riskClassReason: "  Vendor's declaration  " });
    expect(await rowOf(sku.id)).toMatchObject({ riskClass: "low", riskClassReason: "Vendor's declaration", riskClassSetByEmail: team.users.owner.email });
    // An update that does not name the class keeps it.
    await updateSku(team.ctx.owner, { skuId: sku.id, ...camera, hsCode: "8525.89.20", brand: "HopCam Pro" });
    expect(await rowOf(sku.id)).toMatchObject({ riskClass: "low", riskClassOrigin: "manual", brand: "HopCam Pro" });

    await updateSku(team.ctx.owner, { skuId: sku.id, ...camera, hsCode: "8525.89.20", riskClass: "unclassified" });
    expect(await rowOf(sku.id)).toMatchObject({ riskClass: "medium", riskClassOrigin: "list", riskClassManual: null, riskClassReason: null, riskClassSetByEmail: null });
    expect((await events()).at(-1)).toMatchObject({ before: { riskClass: "low", riskClassManual: "low", riskClassOrigin: "manual" }, after: { riskClass: "medium", riskClassManual: null, riskClassOrigin: "list" } });
  });

  it("refuses a product category that is not a slug-like name", async () => {
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("RC-BADCAT"), productCategory: "<script>" }))).toEqual([["productCategory", "invalid_product_category"]]);
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("RC-LONGCAT"), productCategory: "x".repeat(65) }))).toEqual([["productCategory", "too_long"]]);
  });
});

describe("the market status of a SKU", () => {
  it("validates the dates per field: withdrawal needs its date, nothing is on the market in the future", async () => {
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("MK-W"), marketStatus: "withdrawn" }))).toEqual([["withdrawnOn", "withdrawn_date_required"]]);
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("MK-F"), onMarketSince: "2999-01-01" }))).toEqual([["onMarketSince", "date_in_future"]]);
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("MK-O"), marketStatus: "withdrawn", onMarketSince: "2026-03-01", withdrawnOn: "2026-02-01" }))).toEqual([["withdrawnOn", "withdrawn_before_on_market"]]);
    expect(await zodIssues(createSku(team.ctx.owner, { ...base("MK-D"), plannedLaunchOn: "1 March" }))).toEqual([["plannedLaunchOn", "invalid_date"]]);
    expect(await tenantDb(team.organization.id).sku.count({ where: { modelCode: { startsWith: "MK-" } } })).toBe(0);
  });

  it("stores the dates that fit the status, audits changes, and keeps omitted fields on update", async () => {
    const fields = base("MK-PLAN", "8525.89.30");
    const sku = await createSku(team.ctx.owner, { ...fields, marketStatus: "planned", plannedLaunchOn: "2027-03-01", onMarketSince: "2026-01-01" });
    expect(sku).toMatchObject({ marketStatus: "planned", plannedLaunchOn: new Date("2027-03-01T00:00:00Z"), onMarketSince: null });
    expect((await getSkuObligations(team.ctx.viewer, { skuId: sku.id, today: "2027-02-01" })).obligations[0]).toMatchObject({ kind: "declaration", dueDate: "2027-03-01", dueRule: "before_market" });

    await updateSku(team.ctx.owner, { skuId: sku.id, ...fields, marketStatus: "on_market", onMarketSince: "2026-11-01", plannedLaunchOn: "2027-03-01" });
    expect(await rowOf(sku.id)).toMatchObject({ marketStatus: "on_market", onMarketSince: new Date("2026-11-01T00:00:00Z"), plannedLaunchOn: null });
    const event = (await auditEventsOf(team.organization.id)).filter((e) => e.targetId === sku.id && e.action === "sku.updated").at(-1);
    expect(event).toMatchObject({ before: { marketStatus: "planned", onMarketSince: null, plannedLaunchOn: "2027-03-01" }, after: { marketStatus: "on_market", onMarketSince: "2026-11-01", plannedLaunchOn: null } });

    // Withdrawing checks the stored facts together with the new ones.
    expect(await zodIssues(updateSku(team.ctx.owner, { skuId: sku.id, ...fields, marketStatus: "withdrawn", withdrawnOn: "2026-10-01" }))).toEqual([["withdrawnOn", "withdrawn_before_on_market"]]);
    await updateSku(team.ctx.owner, { skuId: sku.id, ...fields, marketStatus: "withdrawn", withdrawnOn: "2026-11-20" });
    await updateSku(team.ctx.owner, { skuId: sku.id, ...fields, description: "still withdrawn" });
    expect(await rowOf(sku.id)).toMatchObject({ marketStatus: "withdrawn", onMarketSince: new Date("2026-11-01T00:00:00Z"), withdrawnOn: new Date("2026-11-20T00:00:00Z") });
  });
});

describe("importing and exporting the class and market columns", () => {
  it("takes the file's class as set by hand unless its origin says the list decided, and checks market dates per cell", async () => {
    const target = await createTeam();
    const header = ["modelCode", "brand", "manufacturer", "countryOfOrigin", "hsCode", "riskClass", "riskClassOrigin", "riskClassReason", "productCategory", "marketStatus", "onMarketSince", "withdrawnOn"];
    const rows = [
      ["IMP-MANUAL", "B", "M", "VN", "8525.89.10", "Cao", "", "", "", "", "2026-05-01", ""],
      ["IMP-LIST", "B", "M", "VN", "8525.89.10", "high", "list", "", "", "on_market", "", ""],
      ["IMP-CAT", "B", "M", "VN", "", "", "", "", "baby-monitor", "Đã rút", "", "2026-06-01"],
      ["IMP-BAD", "B", "M", "VN", "", "", "maybe", "", "", "withdrawn", "", ""],
    ];
    const checked = await uploadAndCheck(target.ctx.owner, { fileName: "skus.csv", bytes: csvBytes(serializeCsv([header, ...rows])) });
    expect(checked.report).toMatchObject({ outcome: "checked", rowCount: 4, writeCount: 3, rejectedCount: 1, fileIssues: [] });
    expect(checked.report!.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [5, "riskClassOrigin", "invalid_risk_class_origin"],
      [5, "withdrawnOn", "withdrawn_date_required"],
    ]);
    const db = tenantDb(target.organization.id);
    // Checking writes no SKU; all or nothing refuses the file because of the bad row.
    expect(await db.sku.count()).toBe(0);
    const refused = await importFile(target.ctx.owner, { fileName: "skus.csv", bytes: csvBytes(serializeCsv([header, ...rows])), options: { mode: "all_or_nothing" } });
    expect(refused.report).toMatchObject({ outcome: "refused", rejectedCount: 1 });
    expect(await db.sku.count()).toBe(0);
    const imported = await importFile(target.ctx.owner, { fileName: "skus.csv", bytes: csvBytes(serializeCsv([header, ...rows.slice(0, 3)])), options: { mode: "all_or_nothing" } });
    expect(imported.report).toMatchObject({ outcome: "imported", rejectedCount: 0, issues: [], counts: { created: 3 } });
    const byCode = async (modelCode: string) => db.sku.findFirstOrThrow({ where: { modelCode } });
    expect(await byCode("IMP-MANUAL")).toMatchObject({ riskClass: "high", riskClassOrigin: "manual", riskClassReason: DEFAULT_RISK_CLASS_REASONS.import, riskClassSetByEmail: target.users.owner.email, listRiskClass: "medium", onMarketSince: new Date("2026-05-01T00:00:00Z") });
    expect(await byCode("IMP-LIST")).toMatchObject({ riskClass: "medium", riskClassOrigin: "list", riskClassManual: null });
    expect(await byCode("IMP-CAT")).toMatchObject({ riskClass: "low", riskClassOrigin: "list", productCategory: "baby-monitor", marketStatus: "withdrawn", withdrawnOn: new Date("2026-06-01T00:00:00Z") });

    // The export writes the effective class with its origin and the list's view.
    const file = await exportSkus(target.ctx.viewer, { format: "csv" });
    const text = Buffer.from(await new Response(file.body).arrayBuffer()).toString("utf8");
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    const head = lines[0]!.split(",");
    const cellOf = (modelCode: string, key: string) => lines.find((l) => l.startsWith(`${modelCode},`))!.split(",")[head.findIndex((h) => h.endsWith(`(${key})`))];
    expect(["riskClass", "riskClassOrigin", "riskClassReason", "listRiskClass", "listRiskEntryId"].map((k) => cellOf("IMP-MANUAL", k))).toEqual(["high", "manual", "Đặt khi nhập từ tệp", "medium", "hs-8525-89"]);
    expect(["riskClass", "riskClassOrigin", "marketStatus", "withdrawnOn"].map((k) => cellOf("IMP-CAT", k))).toEqual(["low", "list", "withdrawn", "2026-06-01"]);
  });
});
