import { serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries, executeRawSqlForTest } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { csvBytes, xlsxBytes } from "../testing/sku-sheet-fixtures";
import { createSku } from "./create-sku";
import { importSkus } from "./import-skus";
import { MAX_IMPORT_ROWS } from "./import-report";
import { createProductFamily } from "./product-families";
import { setSkuArchived } from "./update-sku";

const HEADER = ["Mã model", "Phiên bản phần cứng", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Mã HS", "Dòng sản phẩm", "Phân loại rủi ro", "Sử dụng mật khẩu"];
const row = (modelCode: string, family = "Camera trong nhà", extra: Partial<Record<number, string>> = {}) => {
  const cells = [modelCode, "", "HopCam", "Công ty TNHH Camera Việt", "VN", "8525.89.90", family, "low", "có"];
  for (const [index, value] of Object.entries(extra)) cells[Number(index)] = value!;
  return cells;
};
const csv = (rows: string[][], header = HEADER) => csvBytes(serializeCsv([header, ...rows]));

async function stateOf(team: TestTeam) {
  const db = tenantDb(team.organization.id);
  const [skus, families, events] = await Promise.all([
    db.sku.findMany({ orderBy: { modelCode: "asc" }, include: { family: { select: { name: true } } } }),
    db.productFamily.findMany({ orderBy: { name: "asc" } }),
    auditEventsOf(team.organization.id),
  ]);
  return { skus, families, events };
}

beforeAll(async () => {
  // The QCVN 11 target catalog, so imported SKUs get derived assessments.
  await loadShippedReferenceData();
});

describe("importSkus", () => {
  it("validates without writing: counts, and every bad row with line, cell and reason", async () => {
    const team = await createTeam();
    const file = csv([row("CAM-1"), row("../bad", undefined, { 4: "Vietnam" }), row("CAM-2")]);
    const report = await importSkus(team.ctx.contributor, { fileName: "skus.csv", bytes: file, mode: "validate" });
    expect(report).toMatchObject({ outcome: "validated", format: "csv", fileInvalid: false, rowCount: 3, validRowCount: 2, invalidRowCount: 1, issueCount: 2 });
    expect(report.issues.map((i) => [i.line, i.cell, i.code])).toEqual([
      [3, "A3", "invalid_model_code"],
      [3, "E3", "invalid_country"],
    ]);
    expect(await stateOf(team)).toMatchObject({ skus: [], families: [], events: [] });
  });

  it("imports a clean XLSX file all or nothing in one transaction: families once, one audit event, derived assessments", async () => {
    const team = await createTeam();
    const existing = await createProductFamily(team.ctx.owner, { name: "Camera ngoài trời" });
    const rows = Array.from({ length: 20 }, (_, i) => row(`HC-${String(i + 1).padStart(2, "0")}`, i % 3 === 0 ? "camera NGOÀI trời" : i % 3 === 1 ? "Camera trong nhà" : ""));
    const bytes = await xlsxBytes([HEADER, ...rows]);
    const report = await importSkus(team.ctx.contributor, { fileName: "skus.xlsx", bytes, mode: "all_or_nothing" });
    expect(report).toMatchObject({ outcome: "imported", format: "xlsx", rowCount: 20, validRowCount: 20, issueCount: 0, imported: { skus: 20, families: 1 } });

    const state = await stateOf(team);
    expect(state.skus).toHaveLength(20);
    expect(state.families.map((f) => f.name)).toEqual(["Camera ngoài trời", "Camera trong nhà"]);
    expect(state.skus.filter((s) => s.familyId === existing.id)).toHaveLength(7);
    expect(state.skus[0]).toMatchObject({ modelCode: "HC-01", countryOfOrigin: "VN", hsCode: "8525.89.90", riskClass: "low", importer: null, archivedAt: null });
    expect((state.skus[0]!.capabilities as Record<string, unknown>).passwordsUsed).toBe(true);
    expect(state.events.map((e) => e.action)).toEqual(["family.created", "sku.imported"]);
    expect(state.events[1]).toMatchObject({
      actorEmail: team.users.contributor.email,
      after: { fileName: "skus.xlsx", format: "xlsx", mode: "all_or_nothing", rows: 20, imported: 20, skippedRows: 0, familiesCreated: 1 },
    });
    const assessed = await tenantDb(team.organization.id).assessment.groupBy({ by: ["skuId"], where: { skuId: { in: state.skus.map((s) => s.id) } } });
    expect(assessed).toHaveLength(20);
  });

  it("refuses all or nothing when any row is bad, and writes nothing at all", async () => {
    const team = await createTeam();
    const file = csv([row("CAM-1", "Dòng mới"), row("CAM-2", "Dòng mới", { 2: "" })]);
    const report = await importSkus(team.ctx.owner, { fileName: "skus.csv", bytes: file, mode: "all_or_nothing" });
    expect(report).toMatchObject({ outcome: "refused", validRowCount: 1, invalidRowCount: 1, imported: { skus: 0, families: 0 } });
    expect(report.issues).toMatchObject([{ line: 3, column: "brand", header: "Nhãn hiệu", cell: "C3", code: "required" }]);
    expect(await stateOf(team)).toMatchObject({ skus: [], families: [], events: [] });
  });

  it("imports only the valid rows when asked to, and says which were left out", async () => {
    const team = await createTeam();
    const file = csv([row("CAM-1"), row("CAM-2", undefined, { 8: "maybe" }), row("CAM-3"), row("CAM-3")]);
    const report = await importSkus(team.ctx.owner, { fileName: "skus.csv", bytes: file, mode: "valid_rows_only" });
    expect(report).toMatchObject({ outcome: "imported", rowCount: 4, validRowCount: 1, invalidRowCount: 3, imported: { skus: 1, families: 1 } });
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [3, "invalid_yes_no"],
      [4, "duplicate_in_file"],
      [5, "duplicate_in_file"],
    ]);
    const state = await stateOf(team);
    expect(state.skus.map((s) => s.modelCode)).toEqual(["CAM-1"]);
    expect(state.events.at(-1)).toMatchObject({ action: "sku.imported", after: { rows: 4, imported: 1, skippedRows: 3 } });
  });

  it("reports SKUs that already exist (archived ones too) with one query whatever the file size", async () => {
    const team = await createTeam();
    await createSku(team.ctx.owner, { modelCode: "CAM-1", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    const archived = await createSku(team.ctx.owner, { modelCode: "CAM-2", hardwareRevision: "B", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    await setSkuArchived(team.ctx.owner, { skuId: archived.id, archived: true });
    const rows = [row("CAM-1"), row("CAM-2", undefined, { 1: "B" }), row("CAM-2"), row("CAM-3")];
    const { result: report, queries: small } = await countDatabaseQueries(() => importSkus(team.ctx.owner, { fileName: "a.csv", bytes: csv(rows), mode: "validate" }));
    expect(report.issues.map((i) => [i.line, i.code, i.params?.modelCode])).toEqual([
      [2, "duplicate_existing", "CAM-1"],
      [3, "duplicate_existing_archived", "CAM-2"],
    ]);
    expect(report.validRowCount).toBe(2);
    const many = Array.from({ length: 400 }, (_, i) => row(`BULK-${i}`));
    const { queries: large } = await countDatabaseQueries(() => importSkus(team.ctx.owner, { fileName: "b.csv", bytes: csv(many), mode: "validate" }));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(1);
  });

  it("re-validates on the write: a SKU created after the preview makes the import refuse", async () => {
    const team = await createTeam();
    const file = csv([row("CAM-1"), row("CAM-2")]);
    expect((await importSkus(team.ctx.owner, { fileName: "a.csv", bytes: file, mode: "validate" })).validRowCount).toBe(2);
    await createSku(team.ctx.owner, { modelCode: "CAM-2", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    const report = await importSkus(team.ctx.owner, { fileName: "a.csv", bytes: file, mode: "all_or_nothing" });
    expect(report).toMatchObject({ outcome: "refused", issues: [{ line: 3, code: "duplicate_existing" }] });
    expect((await stateOf(team)).skus.map((s) => s.modelCode)).toEqual(["CAM-2"]);
  });

  it("fails cleanly with CONFLICT when a duplicate commits while the import is writing, and writes nothing", async () => {
    const team = await createTeam();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const other = tenantDb(team.organization.id).$transaction(
      async (tx) => {
        await tx.sku.create({ data: { organizationId: team.organization.id, modelCode: "RACE-2", brand: "B", manufacturer: "M", countryOfOrigin: "VN", capabilities: {} } });
        await gate;
      },
      { timeout: 30_000 },
    );
    const attempt = importSkus(team.ctx.owner, { fileName: "race.csv", bytes: csv([row("RACE-1", "Dòng đua"), row("RACE-2", "Dòng đua")]), mode: "all_or_nothing" });
    // The import did not see the uncommitted row, so its insert now waits for the other transaction.
    await executeRawSqlForTest(`DO $$
      DECLARE tries int := 0;
      BEGIN
        WHILE NOT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()) LOOP
          PERFORM pg_sleep(0.02);
          tries := tries + 1;
          IF tries > 1000 THEN RAISE EXCEPTION 'the import never waited for the other transaction'; END IF;
        END LOOP;
      END $$;`);
    release();
    await other;
    const error = await expectAppError(attempt, "CONFLICT");
    expect(error.details?.reason).toBe("import_conflict");
    const state = await stateOf(team);
    expect(state.skus.map((s) => s.modelCode)).toEqual(["RACE-2"]);
    expect(state.families).toEqual([]);
    expect(state.events).toEqual([]);
  });

  it("answers a malformed or mislabelled file with a clear file-level error in every mode, writing nothing", async () => {
    const team = await createTeam();
    const files = [
      { fileName: "skus.csv", bytes: csvBytes('modelCode,brand,manufacturer,countryOfOrigin\nA,"B,M,VN\n'), code: "csv_unclosed_quote", line: 2 },
      { fileName: "skus.xlsx", bytes: csv([row("A")]), code: "not_xlsx", line: 1 },
      { fileName: "skus.csv", bytes: csvBytes(serializeCsv([[...HEADER, "Giá"], [...row("A"), "100"]])), code: "unknown_column", line: 1 },
      { fileName: "skus.csv", bytes: csv([]), code: "no_rows", line: 2 },
    ];
    for (const mode of ["validate", "all_or_nothing", "valid_rows_only"] as const) {
      for (const file of files) {
        const report = await importSkus(team.ctx.owner, { fileName: file.fileName, bytes: file.bytes, mode });
        expect(report, `${file.code} in ${mode}`).toMatchObject({ fileInvalid: true, validRowCount: 0, outcome: mode === "validate" ? "validated" : "refused" });
        expect(report.issues.map((i) => [i.line, i.code])).toEqual([[file.line, file.code]]);
      }
    }
    expect(await stateOf(team)).toMatchObject({ skus: [], families: [], events: [] });
  });

  it("checks permissions: viewers cannot import, contributors cannot import archived SKUs", async () => {
    const team = await createTeam();
    await expectAppError(importSkus(team.ctx.viewer, { fileName: "a.csv", bytes: csv([row("A")]), mode: "validate" }), "FORBIDDEN");
    const file = csvBytes(serializeCsv([[...HEADER, "archived"], [...row("A"), "yes"], [...row("B"), ""]]));
    const byContributor = await importSkus(team.ctx.contributor, { fileName: "a.csv", bytes: file, mode: "validate" });
    expect(byContributor.issues.map((i) => i.code)).toEqual(["archive_not_allowed"]);
    const byManager = await importSkus(team.ctx.manager, { fileName: "a.csv", bytes: file, mode: "all_or_nothing" });
    expect(byManager.imported.skus).toBe(2);
    expect((await stateOf(team)).skus.map((s) => [s.modelCode, s.archivedAt !== null])).toEqual([
      ["A", true],
      ["B", false],
    ]);
  });

  it(`imports the maximum of ${MAX_IMPORT_ROWS} rows in one go and caps the reported issues`, async () => {
    const team = await createTeam();
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(`MAX-${i}`, `Dòng ${i % 7}`));
    const started = Date.now();
    const report = await importSkus(team.ctx.owner, { fileName: "max.csv", bytes: csv(rows), mode: "all_or_nothing" });
    expect(report).toMatchObject({ outcome: "imported", imported: { skus: MAX_IMPORT_ROWS, families: 7 } });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await tenantDb(team.organization.id).sku.count()).toBe(MAX_IMPORT_ROWS);

    const bad = Array.from({ length: 1500 }, (_, i) => row(`BAD-${i}`, "", { 4: "Vietnam" }));
    const badReport = await importSkus(team.ctx.owner, { fileName: "bad.csv", bytes: csv(bad), mode: "validate" });
    expect(badReport).toMatchObject({ invalidRowCount: 1500, issueCount: 1500 });
    expect(badReport.issues).toHaveLength(1000);
  }, 120_000);
});
