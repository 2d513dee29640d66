import { serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries, executeRawSqlForTest } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { currentFirmwareBySku } from "../assessments/current-firmware";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { importFile, testImportStore, uploadAndCheck } from "../testing/import-runs";
import { csvBytes, xlsxBytes } from "../testing/sku-sheet-fixtures";
import { createSku } from "../skus/create-sku";
import { createProductFamily } from "../skus/product-families";
import { setSkuArchived } from "../skus/update-sku";
import { addFirmwareVersion } from "../skus/add-firmware-version";
import { cancelImportRun, checkImportRun, executeImportRun, getImportRun, getRejectedImportRows, startImportRun, uploadImportFile } from "./import-runs";

const HEADER = ["Mã model", "Phiên bản phần cứng", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Mã HS", "Dòng sản phẩm", "Phân loại rủi ro", "Sử dụng mật khẩu"];
const row = (modelCode: string, family = "Camera trong nhà", extra: Partial<Record<number, string>> = {}) => {
  const cells = [modelCode, "", "HopCam", "Công ty TNHH Camera Việt", "VN", "8525.89.90", family, "low", "có"];
  for (const [index, value] of Object.entries(extra)) cells[Number(index)] = value!;
  return cells;
};
const csv = (rows: string[][], header = HEADER) => csvBytes(serializeCsv([header, ...rows]));
const store = testImportStore();

async function stateOf(team: TestTeam) {
  const db = tenantDb(team.organization.id);
  const [skus, families, events, firmware] = await Promise.all([
    db.sku.findMany({ orderBy: { modelCode: "asc" }, include: { family: { select: { name: true } } } }),
    db.productFamily.findMany({ orderBy: { name: "asc" } }),
    auditEventsOf(team.organization.id),
    db.firmwareVersion.findMany({ orderBy: [{ skuId: "asc" }, { version: "asc" }] }),
  ]);
  // Only what the registry holds; the import's own events (uploaded, started, ...) are separate.
  return { skus, families, firmware, events, registryEvents: events.filter((e) => !e.action.startsWith("import.")) };
}

beforeAll(async () => {
  // The QCVN 11 target catalog, so imported SKUs get derived assessments.
  await loadShippedReferenceData();
});

describe("checking a file (the wizard's preview)", () => {
  it("guesses the columns, and the check writes nothing but the run: counts, every bad row with line, cell and reason", async () => {
    const team = await createTeam();
    const { runId, report } = await uploadAndCheck(team.ctx.contributor, { fileName: "skus.csv", bytes: csv([row("CAM-1"), row("../bad", undefined, { 4: "Vietnam" }), row("CAM-2")]) });
    expect(report).toMatchObject({ outcome: "checked", rowCount: 3, writeCount: 2, rejectedCount: 1, skippedCount: 0, fileIssues: [] });
    expect(report!.issues.map((i) => [i.line, i.cell, i.code])).toEqual([
      [3, "A3", "invalid_model_code"],
      [3, "E3", "invalid_country"],
    ]);
    expect(report!.preview.map((p) => [p.line, p.action, Object.fromEntries(p.values).modelCode])).toEqual([
      [2, "create", "CAM-1"],
      [4, "create", "CAM-2"],
    ]);
    const run = await getImportRun(team.ctx.viewer, store, runId!);
    expect(run).toMatchObject({ state: "uploaded", format: "csv", encoding: "utf-8", delimiter: ",", rowTotal: 3, header: HEADER });
    expect(run.columnMapping).toEqual(["modelCode", "hardwareRevision", "brand", "manufacturer", "countryOfOrigin", "hsCode", "family", "riskClass", "passwordsUsed"]);
    expect(run.samples[0]).toEqual(["CAM-1", "../bad", "CAM-2"]);
    const state = await stateOf(team);
    expect(state).toMatchObject({ skus: [], families: [], registryEvents: [] });
    expect(state.events.map((e) => e.action)).toEqual(["import.uploaded"]);
    expect(state.events[0]).toMatchObject({ after: { kind: "sku", sha256: run.fileSha256, rows: 3 } });
  });

  it("takes an importer's own ERP file: semicolons, BOM, its own column names remapped by the user, extra columns, firmware, Excel serial dates", async () => {
    const team = await createTeam();
    const text =
      "\uFEFFSTT;Mã hàng;Tên hàng;Hãng;NSX;Made in;FW version;FW release date;Giá nhập (VND);Kho\r\n" +
      "1;DS-2CD1023G0-I ;Camera thân trụ 2MP;HIKVISION;Hangzhou Hikvision Digital Technology Co., Ltd.;CN;V5.7.3 build 240115;45306;1.250.000;HN\r\n" +
      "\r\n" +
      "2;IPC-HFW1230S;Camera 2MP;Dahua;Zhejiang Dahua Technology Co., Ltd.;CN;2.800.0000000.5.R;15/01/2024;990.000;HCM\r\n" +
      "3;DS-2CD1023G0-I;Camera thân trụ 2MP;HIKVISION;Hangzhou Hikvision;CN;V5.7.4;2024-06-01;1.250.000;HN\r\n";
    const first = await uploadAndCheck(team.ctx.contributor, { fileName: "erp.csv", bytes: csvBytes(text) });
    const run = await getImportRun(team.ctx.contributor, store, first.runId!);
    expect(run).toMatchObject({ encoding: "utf-8-bom", delimiter: ";" });
    // "Tên hàng" is guessed as the description; "Kho" and "Giá nhập" are nobody's field.
    expect(run.columnMapping).toEqual([null, "modelCode", "description", "brand", "manufacturer", "countryOfOrigin", "firmwareVersion", "firmwareReleaseDate", null, null]);
    expect(first.report!.ignoredColumns.map((c) => c.header)).toEqual(["STT", "Giá nhập (VND)", "Kho"]);
    // The repeated model: the first occurrence is imported, the later one reported against it.
    expect(first.report!.issues.map((i) => [i.line, i.code, i.params?.firstLine])).toEqual([[5, "duplicate_in_file", 2]]);

    await startImportRun(team.ctx.contributor, first.runId!);
    const done = await executeImportRun({ organizationId: team.organization.id, runId: first.runId! }, store);
    expect(done).toMatchObject({ skipped: false, report: { outcome: "imported", writeCount: 2, rejectedCount: 1, counts: { created: 2, firmwareAdded: 2 } } });
    const state = await stateOf(team);
    expect(state.skus.map((s) => [s.modelCode, s.brand, s.description, s.countryOfOrigin])).toEqual([
      ["DS-2CD1023G0-I", "HIKVISION", "Camera thân trụ 2MP", "CN"],
      ["IPC-HFW1230S", "Dahua", "Camera 2MP", "CN"],
    ]);
    expect(state.firmware.map((f) => [f.version, f.releaseDate?.toISOString().slice(0, 10)]).sort()).toEqual([
      ["2.800.0000000.5.R", "2024-01-15"],
      ["V5.7.3 build 240115", "2024-01-15"],
    ]);

    // The next file with the same headers is mapped as confirmed last time.
    const next = await uploadImportFile(team.ctx.contributor, store, { kind: "sku", fileName: "erp2.csv", bytes: csvBytes(text) });
    const nextRun = await getImportRun(team.ctx.contributor, store, (next as { runId: string }).runId);
    expect(nextRun.columnMapping).toEqual(run.columnMapping);
  });

  it("reads UTF-16 tab-separated text from Excel's 'Unicode text' and refuses a legacy code page at upload, storing nothing", async () => {
    const team = await createTeam();
    const text = ["Mã model\tNhãn hiệu\tNhà sản xuất\tXuất xứ", "CAM-16\tHopCam\tCông ty Hải Đăng\tVN"].join("\r\n");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const result = await importFile(team.ctx.owner, { fileName: "unicode.txt", bytes: utf16 });
    expect(result.report).toMatchObject({ outcome: "imported", counts: { created: 1 } });
    expect((await stateOf(team)).skus[0]).toMatchObject({ modelCode: "CAM-16", manufacturer: "Công ty Hải Đăng" });

    const legacy = await uploadImportFile(team.ctx.owner, store, { kind: "sku", fileName: "old.csv", bytes: Buffer.from([0x4d, 0xe3, 0x20, 0x6d, 0x6f, 0x64, 0x65, 0x6c, 0x0a]) });
    expect(legacy).toMatchObject({ ok: false, issues: [{ line: 1, code: "not_utf8" }] });
    expect(await tenantDb(team.organization.id).importRun.count()).toBe(1);
  });

  it("answers a malformed or mislabelled file with a clear file-level error, writing nothing", async () => {
    const team = await createTeam();
    const refused = [
      { fileName: "skus.csv", bytes: csvBytes('modelCode,brand,manufacturer,countryOfOrigin\nA,"B,M,VN\n'), code: "csv_unclosed_quote", line: 2 },
      { fileName: "skus.xlsx", bytes: csv([row("A")]), code: "not_xlsx", line: 1 },
    ];
    for (const file of refused) {
      expect(await uploadImportFile(team.ctx.owner, store, { kind: "sku", ...file })).toMatchObject({ ok: false, issues: [{ line: file.line, code: file.code }] });
    }
    const headerOnly = await uploadAndCheck(team.ctx.owner, { fileName: "skus.csv", bytes: csv([]) });
    expect(headerOnly.report).toMatchObject({ writeCount: 0, fileIssues: [{ line: 2, code: "no_rows" }] });
    await expectAppError(startImportRun(team.ctx.owner, headerOnly.runId!), "VALIDATION");
    const unmapped = await uploadAndCheck(team.ctx.owner, { fileName: "skus.csv", bytes: csv([row("A")]), remap: { 2: null } });
    expect(unmapped.report!.fileIssues).toMatchObject([{ code: "missing_column", column: "brand" }]);
    expect(await stateOf(team)).toMatchObject({ skus: [], families: [], registryEvents: [] });
  });
});

describe("running an import", () => {
  it("imports a clean XLSX file all or nothing: families once, derived assessments, an audit trail with the file's SHA-256", async () => {
    const team = await createTeam();
    const existing = await createProductFamily(team.ctx.owner, { name: "Camera ngoài trời" });
    const rows = Array.from({ length: 20 }, (_, i) => row(`HC-${String(i + 1).padStart(2, "0")}`, i % 3 === 0 ? "camera NGOÀI trời" : i % 3 === 1 ? "Camera trong nhà" : ""));
    const result = await importFile(team.ctx.contributor, { fileName: "skus.xlsx", bytes: await xlsxBytes([HEADER, ...rows]), options: { mode: "all_or_nothing" } });
    expect(result.report).toMatchObject({ outcome: "imported", rowCount: 20, writeCount: 20, rejectedCount: 0, counts: { created: 20, updated: 0, familiesCreated: 1 } });

    const state = await stateOf(team);
    expect(state.skus).toHaveLength(20);
    expect(state.families.map((f) => f.name)).toEqual(["Camera ngoài trời", "Camera trong nhà"]);
    expect(state.skus.filter((s) => s.familyId === existing.id)).toHaveLength(7);
    expect(state.skus[0]).toMatchObject({ modelCode: "HC-01", countryOfOrigin: "VN", hsCode: "8525.89.90", riskClass: "low", importer: null, archivedAt: null });
    expect((state.skus[0]!.capabilities as Record<string, unknown>).passwordsUsed).toBe(true);
    expect(state.events.map((e) => e.action)).toEqual(["family.created", "import.uploaded", "import.started", "import.completed"]);
    const run = await getImportRun(team.ctx.viewer, store, result.runId!);
    expect(run).toMatchObject({ state: "done", rowDone: 20, rowTotal: 20 });
    expect(state.events.at(-1)).toMatchObject({
      actorEmail: team.users.contributor.email,
      targetId: run.id,
      after: { kind: "sku", fileName: "skus.xlsx", sha256: run.fileSha256, rows: 20, written: 20, rejected: 0, created: 20, familiesCreated: 1 },
    });
    const assessed = await tenantDb(team.organization.id).assessment.groupBy({ by: ["skuId"], where: { skuId: { in: state.skus.map((s) => s.id) } } });
    expect(assessed).toHaveLength(20);
  });

  it("refuses all or nothing when any row is bad, and writes nothing at all", async () => {
    const team = await createTeam();
    const result = await importFile(team.ctx.owner, { fileName: "skus.csv", bytes: csv([row("CAM-1", "Dòng mới"), row("CAM-2", "Dòng mới", { 2: "" })]), options: { mode: "all_or_nothing" } });
    expect(result.report).toMatchObject({ outcome: "refused", writeCount: 1, rejectedCount: 1 });
    expect(result.report!.issues).toMatchObject([{ line: 3, column: "brand", header: "Nhãn hiệu", cell: "C3", code: "required" }]);
    const state = await stateOf(team);
    expect(state).toMatchObject({ skus: [], families: [], registryEvents: [] });
    expect(state.events.at(-1)).toMatchObject({ action: "import.refused", after: { written: 0, rejected: 1 } });
  });

  it("imports only the valid rows when asked to; the rejected rows come back as the file had them, with their reasons", async () => {
    const team = await createTeam();
    const file = csv([row("CAM-1"), row("CAM-2", undefined, { 8: "maybe" }), row("CAM-3"), row("CAM-3")]);
    const result = await importFile(team.ctx.owner, { fileName: "skus.csv", bytes: file, options: { mode: "valid_rows_only" } });
    expect(result.report).toMatchObject({ outcome: "imported", rowCount: 4, writeCount: 2, rejectedCount: 2, counts: { created: 2 } });
    expect(result.report!.issues.map((i) => [i.line, i.code])).toEqual([
      [3, "invalid_yes_no"],
      [5, "duplicate_in_file"],
    ]);
    expect((await stateOf(team)).skus.map((s) => s.modelCode)).toEqual(["CAM-1", "CAM-3"]);
    const rejected = await getRejectedImportRows(team.ctx.viewer, store, result.runId!);
    expect(rejected.header).toEqual(HEADER);
    expect(rejected.rows.map((r) => [r.line, r.cells[0], r.issues.map((i) => i.code)])).toEqual([
      [3, "CAM-2", ["invalid_yes_no"]],
      [5, "CAM-3", ["duplicate_in_file"]],
    ]);
  });

  it("skips SKUs that already exist, or updates only the fields the file maps and adds their firmware; archived ones are not updated", async () => {
    const team = await createTeam();
    const kept = await createSku(team.ctx.owner, { modelCode: "CAM-1", brand: "Old", manufacturer: "M", countryOfOrigin: "VN", description: "giữ nguyên", capabilities: { passwordsUsed: false, telemetryCollected: true } });
    await addFirmwareVersion(team.ctx.owner, { skuId: kept.id, version: "1.0", releaseDate: "2023-01-01" });
    const archived = await createSku(team.ctx.owner, { modelCode: "CAM-2", hardwareRevision: "B", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    await setSkuArchived(team.ctx.owner, { skuId: archived.id, archived: true });
    const header = ["Mã model", "Phiên bản phần cứng", "Nhãn hiệu", "Nhà sản xuất", "Xuất xứ", "Sử dụng mật khẩu", "Phiên bản firmware", "Ngày phát hành firmware"];
    const file = csv([["CAM-1", "", "HopCam", "Công ty Mới", "CN", "có", "2.0", "2024-03-01"], ["CAM-2", "B", "B", "M", "VN", "", "", ""], ["CAM-3", "", "B", "M", "VN", "", "", ""]], header);

    const skipped = await importFile(team.ctx.owner, { fileName: "a.csv", bytes: file, options: { onExisting: "skip" } });
    expect(skipped.report).toMatchObject({ writeCount: 1, skippedCount: 2, counts: { created: 1, updated: 0, skipped: 2 } });
    expect(skipped.report!.issues.map((i) => [i.line, i.code, i.severity])).toEqual([
      [2, "existing_skipped", "warning"],
      [3, "existing_skipped", "warning"],
    ]);
    expect((await stateOf(team)).skus.find((s) => s.modelCode === "CAM-1")).toMatchObject({ brand: "Old" });

    const updated = await importFile(team.ctx.owner, { fileName: "a.csv", bytes: file, options: { onExisting: "update" } });
    // CAM-3 exists since the first run, so it is updated too; the archived CAM-2 is refused.
    expect(updated.report).toMatchObject({ writeCount: 2, rejectedCount: 1, counts: { created: 0, updated: 2, firmwareAdded: 1 } });
    expect(updated.report!.issues.map((i) => [i.line, i.code])).toEqual([[3, "existing_archived"]]);
    const state = await stateOf(team);
    const cam1 = state.skus.find((s) => s.modelCode === "CAM-1")!;
    // Mapped fields change; the description (not in the file) and other answers stay.
    expect(cam1).toMatchObject({ brand: "HopCam", manufacturer: "Công ty Mới", countryOfOrigin: "CN", description: "giữ nguyên" });
    expect(cam1.capabilities).toMatchObject({ passwordsUsed: true, telemetryCollected: true });
    const firmware = state.firmware.filter((f) => f.skuId === cam1.id);
    expect(firmware.map((f) => f.version)).toEqual(["1.0", "2.0"]);
    expect(currentFirmwareBySku(firmware).get(cam1.id)).toMatchObject({ version: "2.0" });
    expect(state.events.filter((e) => e.action === "sku.updated_by_import").map((e) => [e.targetId, (e.after as { line: number }).line])).toEqual([
      [cam1.id, 2],
      [state.skus.find((s) => s.modelCode === "CAM-3")!.id, 4],
    ]);
  });

  it("finds existing SKUs with the same number of queries whatever the file size", async () => {
    const team = await createTeam();
    await createSku(team.ctx.owner, { modelCode: "CAM-1", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    const small = await uploadAndCheck(team.ctx.owner, { fileName: "a.csv", bytes: csv([row("CAM-1"), row("CAM-2")]) });
    const large = await uploadAndCheck(team.ctx.owner, { fileName: "b.csv", bytes: csv(Array.from({ length: 400 }, (_, i) => row(`BULK-${i}`))) });
    const mappingOf = async (runId: string) => (await getImportRun(team.ctx.owner, store, runId)).columnMapping;
    const check = (runId: string, columnMapping: (string | null)[]) => checkImportRun(team.ctx.owner, store, { runId, columnMapping, options: {} });
    const smallMapping = await mappingOf(small.runId!);
    const largeMapping = await mappingOf(large.runId!);
    const { queries: few } = await countDatabaseQueries(() => check(small.runId!, smallMapping));
    const { queries: many } = await countDatabaseQueries(() => check(large.runId!, largeMapping));
    expect(many).toBe(few);
  });

  it("plans again when it runs: a SKU created after the check is skipped, not duplicated", async () => {
    const team = await createTeam();
    const checked = await uploadAndCheck(team.ctx.owner, { fileName: "a.csv", bytes: csv([row("CAM-1"), row("CAM-2")]) });
    expect(checked.report!.writeCount).toBe(2);
    await createSku(team.ctx.owner, { modelCode: "CAM-2", brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
    await startImportRun(team.ctx.owner, checked.runId!);
    const done = await executeImportRun({ organizationId: team.organization.id, runId: checked.runId! }, store);
    expect(done).toMatchObject({ report: { writeCount: 1, skippedCount: 1, counts: { created: 1 } } });
    expect((await stateOf(team)).skus.map((s) => s.brand)).toEqual(["HopCam", "B"]);
  });

  it("fails cleanly with CONFLICT when a duplicate commits while the import is writing, and writes nothing", async () => {
    const team = await createTeam();
    const checked = await uploadAndCheck(team.ctx.owner, { fileName: "race.csv", bytes: csv([row("RACE-1", "Dòng đua"), row("RACE-2", "Dòng đua")]) });
    await startImportRun(team.ctx.owner, checked.runId!);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const other = tenantDb(team.organization.id).$transaction(
      async (tx) => {
        await tx.sku.create({ data: { organizationId: team.organization.id, modelCode: "RACE-2", brand: "B", manufacturer: "M", countryOfOrigin: "VN", capabilities: {} } });
        await gate;
      },
      { timeout: 30_000 },
    );
    const attempt = executeImportRun({ organizationId: team.organization.id, runId: checked.runId! }, store, { finalAttempt: false });
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
    // Not the last attempt: the run waits for the retry, which plans again and skips RACE-2.
    expect((await getImportRun(team.ctx.owner, store, checked.runId!)).state).toBe("running");
    const retried = await executeImportRun({ organizationId: team.organization.id, runId: checked.runId! }, store);
    expect(retried).toMatchObject({ report: { counts: { created: 1, skipped: 1 } } });
    expect((await stateOf(team)).skus.map((s) => s.modelCode)).toEqual(["RACE-1", "RACE-2"]);
  });

  it("writes a file exactly once: a job killed mid-write and retried, or a duplicate job, leaves one set of rows and one done record", async () => {
    const team = await createTeam();
    const checked = await uploadAndCheck(team.ctx.owner, { fileName: "once.csv", bytes: csv(Array.from({ length: 1500 }, (_, i) => row(`ONCE-${i}`))) });
    await startImportRun(team.ctx.owner, checked.runId!);
    const payload = { organizationId: team.organization.id, runId: checked.runId! };
    const killed = executeImportRun(payload, store, {
      finalAttempt: false,
      onProgress: async (done) => {
        if (done >= 1000) throw new Error("worker killed");
      },
    });
    await expect(killed).rejects.toThrow("worker killed");
    expect(await tenantDb(team.organization.id).sku.count()).toBe(0);
    expect((await executeImportRun(payload, store)).skipped).toBe(false);
    expect(await executeImportRun(payload, store)).toEqual({ skipped: true });
    expect(await tenantDb(team.organization.id).sku.count()).toBe(1500);
    const events = (await auditEventsOf(team.organization.id)).filter((e) => e.action === "import.completed");
    expect(events).toHaveLength(1);
  });

  it("can be cancelled while queued (the worker then does nothing), not once it runs", async () => {
    const team = await createTeam();
    const checked = await uploadAndCheck(team.ctx.owner, { fileName: "a.csv", bytes: csv([row("CAM-1")]) });
    await startImportRun(team.ctx.owner, checked.runId!);
    await cancelImportRun(team.ctx.owner, checked.runId!);
    expect(await executeImportRun({ organizationId: team.organization.id, runId: checked.runId! }, store)).toEqual({ skipped: true });
    expect((await stateOf(team)).skus).toEqual([]);
    await expectAppError(cancelImportRun(team.ctx.owner, checked.runId!), "CONFLICT");
    await expectAppError(checkImportRun(team.ctx.owner, store, { runId: checked.runId!, columnMapping: [], options: {} }), "CONFLICT");
  });

  it("checks permissions: viewers cannot import, contributors cannot import archived SKUs, a removed requester imports nothing", async () => {
    const team = await createTeam();
    await expectAppError(uploadImportFile(team.ctx.viewer, store, { kind: "sku", fileName: "a.csv", bytes: csv([row("A")]) }), "FORBIDDEN");
    const file = csvBytes(serializeCsv([[...HEADER, "archived"], [...row("A"), "yes"], [...row("B"), ""]]));
    const byContributor = await uploadAndCheck(team.ctx.contributor, { fileName: "a.csv", bytes: file });
    expect(byContributor.report!.issues.map((i) => i.code)).toEqual(["archive_not_allowed"]);
    await expectAppError(startImportRun(team.ctx.viewer, byContributor.runId!), "FORBIDDEN");
    const byManager = await importFile(team.ctx.manager, { fileName: "a.csv", bytes: file, options: { mode: "all_or_nothing" } });
    expect(byManager.report!.counts!.created).toBe(2);
    expect((await stateOf(team)).skus.map((s) => [s.modelCode, s.archivedAt !== null])).toEqual([
      ["A", true],
      ["B", false],
    ]);

    const pending = await uploadAndCheck(team.ctx.contributor, { fileName: "c.csv", bytes: csv([row("C")]) });
    await startImportRun(team.ctx.contributor, pending.runId!);
    await executeRawSqlForTest(`DELETE FROM "Membership" WHERE "organizationId" = '${team.organization.id}' AND "userId" = '${team.users.contributor.id}'`);
    await expectAppError(executeImportRun({ organizationId: team.organization.id, runId: pending.runId! }, store), "FORBIDDEN");
    expect(await tenantDb(team.organization.id).importRun.findUnique({ where: { id: pending.runId! } })).toMatchObject({ state: "failed", error: "requester_not_member" });
    expect((await stateOf(team)).skus.map((s) => s.modelCode)).toEqual(["A", "B"]);
  });

  it("imports 5,000 rows in one run with progress, and keeps every issue of a bad file for the rejected-rows download", async () => {
    const team = await createTeam();
    const rows = Array.from({ length: 5_000 }, (_, i) => row(`MAX-${i}`, `Dòng ${i % 7}`));
    const checked = await uploadAndCheck(team.ctx.owner, { fileName: "max.csv", bytes: csv(rows), options: { mode: "all_or_nothing" } });
    await startImportRun(team.ctx.owner, checked.runId!);
    const progress: number[] = [];
    const done = await executeImportRun({ organizationId: team.organization.id, runId: checked.runId! }, store, { onProgress: async (n) => void progress.push(n) });
    expect(done).toMatchObject({ report: { outcome: "imported", counts: { created: 5_000, familiesCreated: 7 } } });
    expect(progress).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(await tenantDb(team.organization.id).sku.count()).toBe(5_000);

    const bad = Array.from({ length: 1500 }, (_, i) => row(`BAD-${i}`, "", { 4: "Vietnam" }));
    const badCheck = await uploadAndCheck(team.ctx.owner, { fileName: "bad.csv", bytes: csv(bad) });
    expect(badCheck.report).toMatchObject({ rejectedCount: 1500, writeCount: 0 });
    expect(badCheck.report!.issues).toHaveLength(1500);
    expect((await getRejectedImportRows(team.ctx.owner, store, badCheck.runId!)).rows).toHaveLength(1500);
  }, 120_000);
});
