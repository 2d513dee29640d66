import { parseCsv, serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { currentFirmwareBySku } from "../assessments/current-firmware";
import { createTeam, type TestTeam } from "../testing/fixtures";
import { importFile, uploadAndCheck } from "../testing/import-runs";
import { bytesOf, csvBytes, readXlsx } from "../testing/sku-sheet-fixtures";
import { addFirmwareVersion } from "./add-firmware-version";
import { createSku } from "./create-sku";
import { exportSkus } from "./export-skus";
import { createProductFamily } from "./product-families";
import { setSkuArchived, updateSkuCapabilities } from "./update-sku";

async function seedRegistry(team: TestTeam) {
  const indoor = await createProductFamily(team.ctx.owner, { name: "Camera trong nhà" });
  const plain = await createSku(team.ctx.owner, { modelCode: "HC-IPC-2001", brand: "HopCam", manufacturer: "Công ty TNHH Camera Việt", countryOfOrigin: "VN" });
  const full = await createSku(team.ctx.owner, {
    modelCode: "DS-2CD1023G0-I",
    hardwareRevision: "02",
    brand: '=HYPERLINK("http://evil.test")',
    manufacturer: "Hangzhou, \"Vision\" Co.",
    importer: "Công ty Nhập khẩu Hợp Quy",
    countryOfOrigin: "CN",
    hsCode: "8525.89",
    description: "Hai dòng\nmô tả, có dấu phẩy",
    familyId: indoor.id,
    riskClass: "high",
  });
  await updateSkuCapabilities(team.ctx.owner, { skuId: full.id, capabilities: { passwordsUsed: true, debugInterfaceAccessible: false, cloudOrP2PService: true } });
  // The current firmware is the newest release, not the last one registered.
  await addFirmwareVersion(team.ctx.owner, { skuId: full.id, version: "V5.7.3 build 240115", releaseDate: "2024-01-15" });
  await addFirmwareVersion(team.ctx.owner, { skuId: full.id, version: "V5.5.0", releaseDate: "2023-03-01" });
  await addFirmwareVersion(team.ctx.owner, { skuId: plain.id, version: "1.0.2" });
  const archived = await createSku(team.ctx.owner, { modelCode: "OLD-1", brand: "HopCam", manufacturer: "M", countryOfOrigin: "VN", riskClass: "low" });
  await setSkuArchived(team.ctx.owner, { skuId: archived.id, archived: true });
  return { plain, full, archived };
}

// What a SKU is, independent of ids, timestamps and organization.
async function registryOf(organizationId: string) {
  const db = tenantDb(organizationId);
  const families = new Map((await db.productFamily.findMany()).map((f) => [f.id, f.name]));
  const skus = await db.sku.findMany({ orderBy: [{ modelCode: "asc" }, { hardwareRevision: "asc" }] });
  const versions = await db.firmwareVersion.findMany();
  const current = currentFirmwareBySku(versions);
  // The current firmware (the one the SKU is assessed at), as version and release date.
  const firmwareOf = (skuId: string) => {
    const f = versions.find((v) => v.id === current.get(skuId)?.id);
    return f ? { version: f.version, releaseDate: f.releaseDate } : null;
  };
  return skus.map((s) => ({
    modelCode: s.modelCode,
    hardwareRevision: s.hardwareRevision,
    brand: s.brand,
    manufacturer: s.manufacturer,
    importer: s.importer,
    countryOfOrigin: s.countryOfOrigin,
    hsCode: s.hsCode,
    description: s.description,
    family: s.familyId ? families.get(s.familyId) : null,
    riskClass: s.riskClass,
    capabilities: s.capabilities,
    archived: s.archivedAt !== null,
    firmware: firmwareOf(s.id),
  }));
}

describe("exportSkus", () => {
  it.each(["csv", "xlsx"] as const)("round-trips through %s: imported into an empty organization, the same SKUs come back", async (format) => {
    const source = await createTeam();
    await seedRegistry(source);
    const file = await exportSkus(source.ctx.viewer, { format });
    const bytes = await bytesOf(file.body);
    const target = await createTeam();
    const { report } = await importFile(target.ctx.owner, { fileName: file.fileName, bytes, options: { mode: "all_or_nothing" } });
    expect(report).toMatchObject({
      outcome: "imported",
      rowCount: 2,
      writeCount: 2,
      rejectedCount: 0,
      skippedCount: 0,
      fileIssues: [],
      issues: [],
      counts: { created: 2, updated: 0, skipped: 0, familiesCreated: 1, firmwareAdded: 2 },
    });
    const expected = (await registryOf(source.organization.id)).filter((s) => !s.archived);
    expect(await registryOf(target.organization.id)).toEqual(expected);
    // The current firmware survives the trip (only the current one: the file has one version per SKU).
    const imported = await tenantDb(target.organization.id).sku.findFirstOrThrow({ where: { modelCode: "DS-2CD1023G0-I" }, include: { firmwareVersions: true } });
    expect(imported.firmwareVersions.map((f) => [f.version, f.releaseDate?.toISOString().slice(0, 10)])).toEqual([["V5.7.3 build 240115", "2024-01-15"]]);

    const withArchived = await exportSkus(source.ctx.viewer, { format, includeArchived: true });
    const another = await createTeam();
    const all = await importFile(another.ctx.manager, { fileName: withArchived.fileName, bytes: await bytesOf(withArchived.body), options: { mode: "all_or_nothing" } });
    expect(all.report).toMatchObject({ outcome: "imported", rejectedCount: 0, counts: { created: 3, familiesCreated: 1, firmwareAdded: 2 } });
    expect(await registryOf(another.organization.id)).toEqual(await registryOf(source.organization.id));
  });

  it("writes a CSV people can open safely: BOM, bilingual headers, CRLF, quoted text, formulas defused", async () => {
    const team = await createTeam();
    await seedRegistry(team);
    const file = await exportSkus(team.ctx.owner, { format: "csv" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toMatch(new RegExp(`^hopquy-skus-${team.organization.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = (await bytesOf(file.body)).toString("utf8");
    expect(text.startsWith("\uFEFFMã model (modelCode),Phiên bản phần cứng (hardwareRevision),Nhãn hiệu (brand),")).toBe(true);
    expect(text).toContain("\r\n");
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(3);
    const full = records.find((r) => r.fields[0] === "DS-2CD1023G0-I")!.fields;
    expect(full.slice(0, 10)).toEqual(["DS-2CD1023G0-I", "02", "'=HYPERLINK(\"http://evil.test\")", 'Hangzhou, "Vision" Co.', "Công ty Nhập khẩu Hợp Quy", "CN", "8525.89", "Hai dòng\nmô tả, có dấu phẩy", "Camera trong nhà", "high"]);
    expect(full).toContain("có");
    expect(full).toContain("không");
  });

  it("writes XLSX cells as text, never formulas, with the header frozen", async () => {
    const team = await createTeam();
    await seedRegistry(team);
    const file = await exportSkus(team.ctx.owner, { format: "xlsx" });
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(file.body)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe("DS-2CD1023G0-I");
    expect(row.getCell(2).value).toBe("02");
    expect(row.getCell(3).value).toBe('=HYPERLINK("http://evil.test")');
    expect(row.getCell(3).formula).toBeUndefined();
    expect(row.getCell(7).value).toBe("8525.89");
  });

  it("reads the registry in keyset batches while streaming, not in one query", async () => {
    const team = await createTeam();
    const rows = Array.from({ length: 1200 }, (_, i) => [`BULK-${String(i).padStart(4, "0")}`, "HopCam", "M", "VN"]);
    const bulk = await importFile(team.ctx.owner, { fileName: "bulk.csv", bytes: csvBytes(serializeCsv([["modelCode", "brand", "manufacturer", "countryOfOrigin"], ...rows])), options: { mode: "all_or_nothing" } });
    expect(bulk.report).toMatchObject({ outcome: "imported", counts: { created: 1200 } });
    for (const format of ["csv", "xlsx"] as const) {
      const { result: bytes, queries } = await countDatabaseQueries(async () => bytesOf((await exportSkus(team.ctx.owner, { format })).body));
      // Families, then three batches of at most 500 SKUs, each with one query for their firmware.
      expect(queries).toBe(7);
      const lines = format === "csv" ? parseCsv(bytes.toString("utf8")).records.map((r) => r.fields) : await readXlsx(bytes);
      expect(lines).toHaveLength(1201);
      expect(lines.slice(1).map((l) => l[0])).toEqual(rows.map((r) => r[0]));
    }
  });

  it("offers a template: the header row only, and in XLSX a sheet explaining each column", async () => {
    const team = await createTeam();
    await seedRegistry(team);
    const csv = await exportSkus(team.ctx.viewer, { format: "csv", template: true, includeArchived: true });
    expect(csv.fileName).toBe("hopquy-sku-template.csv");
    const records = parseCsv((await bytesOf(csv.body)).toString("utf8")).records;
    expect(records).toHaveLength(1);
    expect(records[0]?.fields).not.toContain("Đã lưu trữ (archived)");
    const xlsx = await exportSkus(team.ctx.viewer, { format: "xlsx", template: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsx.body)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["SKU", "Hướng dẫn - Guide"]);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(1);
    // The template imports as "no rows", not as an error about its columns.
    const { uploaded, report } = await uploadAndCheck(team.ctx.owner, { fileName: "t.xlsx", bytes: await bytesOf((await exportSkus(team.ctx.viewer, { format: "xlsx", template: true })).body) });
    expect(uploaded.ok).toBe(true);
    expect(report!.fileIssues.map((i) => i.code)).toEqual(["no_rows"]);
    expect(report).toMatchObject({ writeCount: 0, issues: [], ignoredColumns: [] });
  });
});
