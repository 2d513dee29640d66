import { serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { getImportRun, checkImportRun } from "../imports/import-runs";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, type TestTeam } from "../testing/fixtures";
import { importFile, testImportStore, uploadAndCheck } from "../testing/import-runs";
import { csvBytes } from "../testing/sku-sheet-fixtures";

const HEADER = ["Mã hàng", "Quy chuẩn", "Điều khoản", "Tên tài liệu", "Loại", "Phòng thử nghiệm", "Số báo cáo", "Ngày cấp", "Ngày hết hạn", "Ghi chú", "Người phụ trách"];
const REPORT = ["Báo cáo thử nghiệm an ninh mạng", "Báo cáo thử nghiệm", "QUATEST 1", "BC-2025/0142", "15/03/2025", "14/03/2028"];
const CERTIFICATE = ["Giấy chứng nhận hợp quy QCVN 135", "Giấy chứng nhận", "Trung tâm Chứng nhận", "CN-135-0099", "2025-04-01", "2028-03-31"];
const register = (rows: string[][]) => csvBytes(serializeCsv([HEADER, ...rows]));
const row = (model: string, framework: string, clause: string, doc: string[], note = "") => [model, framework, clause, ...doc, note, "Lan"];
const store = testImportStore();

async function withSkus(...models: string[]): Promise<TestTeam> {
  const team = await createTeam();
  for (const modelCode of models) await createSku(team.ctx.owner, { modelCode, brand: "HopCam", manufacturer: "M", countryOfOrigin: "VN" });
  return team;
}

async function evidenceOf(team: TestTeam) {
  const db = tenantDb(team.organization.id);
  const evidence = await db.evidence.findMany({ orderBy: { title: "asc" }, include: { clauseLinks: { include: { clause: { select: { code: true } } } }, skuLinks: { include: { sku: { select: { modelCode: true } } } } } });
  return evidence.map((e) => ({
    title: e.title,
    kind: e.kind,
    issuer: e.issuer,
    reportNumber: e.reportNumber,
    reviewState: e.reviewState,
    effectiveDate: e.effectiveDate?.toISOString().slice(0, 10),
    expiryDate: e.expiryDate?.toISOString().slice(0, 10),
    clauses: e.clauseLinks.map((l) => `${l.clause.code}${l.note ? `:${l.note}` : ""}`).sort(),
    skus: e.skuLinks.map((l) => l.sku.modelCode).sort(),
  }));
}

beforeAll(async () => {
  await loadShippedReferenceData();
});

describe("importing an evidence register", () => {
  it("makes rows of one document ONE evidence item linked to all its SKUs and clauses, across frameworks", async () => {
    const team = await withSkus("DS-2CD1023G0-I", "IPC-HFW1230S");
    const file = register([
      row("DS-2CD1023G0-I", "QCVN 135:2024/BTTTT", "2.1.1", REPORT, "Mật khẩu mặc định"),
      row("DS-2CD1023G0-I", "ETSI EN 303 645 V2.1.1", "Provision 5.1-1", REPORT),
      row("IPC-HFW1230S", "ETSI EN 303 645 V2.1.1", "5.1-1", REPORT),
      row("IPC-HFW1230S", "QCVN 135", "2.1.1", CERTIFICATE),
    ]);
    const result = await importFile(team.ctx.contributor, { kind: "evidence_register", fileName: "register.csv", bytes: file, options: { evidenceState: "submitted" } });
    const run = await getImportRun(team.ctx.viewer, store, result.runId!);
    expect(run.columnMapping).toEqual(["modelCode", "framework", "clauseCode", "title", "kind", "issuer", "reportNumber", "effectiveDate", "expiryDate", "notes", null]);
    expect(result.checked!.ignoredColumns.map((c) => c.header)).toEqual(["Người phụ trách"]);
    expect(result.report).toMatchObject({ outcome: "imported", rowCount: 4, writeCount: 4, rejectedCount: 0, counts: { evidenceCreated: 2, clauseLinks: 3, skuLinks: 3 } });
    expect(await evidenceOf(team)).toEqual([
      {
        title: "Báo cáo thử nghiệm an ninh mạng",
        kind: "lab_test_report",
        issuer: "QUATEST 1",
        reportNumber: "BC-2025/0142",
        reviewState: "submitted",
        effectiveDate: "2025-03-15",
        expiryDate: "2028-03-14",
        clauses: ["2.1.1:Mật khẩu mặc định", "5.1-1"],
        skus: ["DS-2CD1023G0-I", "IPC-HFW1230S"],
      },
      {
        title: "Giấy chứng nhận hợp quy QCVN 135",
        kind: "certificate",
        issuer: "Trung tâm Chứng nhận",
        reportNumber: "CN-135-0099",
        reviewState: "submitted",
        effectiveDate: "2025-04-01",
        expiryDate: "2028-03-31",
        clauses: ["2.1.1"],
        skus: ["IPC-HFW1230S"],
      },
    ]);
    const events = await auditEventsOf(team.organization.id);
    expect(events.filter((e) => e.action === "evidence.created")).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ action: "import.completed", after: { kind: "evidence_register", evidenceCreated: 2 } });
  });

  it("reports unknown SKUs, clauses and framework versions per row, and imports the rest when asked", async () => {
    const team = await withSkus("CAM-1");
    const file = register([
      row("CAM-1", "QCVN 135", "2.1.1", REPORT),
      row("CAM-404", "QCVN 135", "2.1.2", REPORT),
      row("CAM-1", "QCVN 135", "9.9.9", REPORT),
      row("CAM-1", "EN 303 645", "5.1-1", REPORT),
      row("CAM-1", "EN 303 645 V9.9.9", "5.1-1", REPORT),
    ]);
    const checked = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: file });
    expect(checked.report!.issues.map((i) => [i.line, i.cell, i.code, i.params])).toEqual([
      [3, "A3", "unknown_sku", { modelCode: "CAM-404" }],
      [4, "C4", "unknown_clause", { code: "9.9.9", framework: "QCVN_135_2024_BTTTT 2024" }],
      [5, "B5", "framework_version_required", { versions: "V2.1.1, V3.1.3" }],
      [6, "B6", "unknown_framework_version", { version: "V9.9.9", versions: expect.stringContaining("V2.1.1") }],
    ]);
    expect(checked.report).toMatchObject({ writeCount: 1, rejectedCount: 4 });
    const all = await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: file, options: { mode: "all_or_nothing" } });
    expect(all.report).toMatchObject({ outcome: "refused" });
    expect(await evidenceOf(team)).toEqual([]);
    const valid = await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: file });
    expect(valid.report).toMatchObject({ outcome: "imported", counts: { evidenceCreated: 1, clauseLinks: 1, skuLinks: 1 } });
    expect((await evidenceOf(team))[0]).toMatchObject({ clauses: ["2.1.1"], skus: ["CAM-1"], reviewState: "draft" });
  });

  it("skips documents the organization already holds, or adds the register's links to them", async () => {
    const team = await withSkus("CAM-1", "CAM-2");
    await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "a.csv", bytes: register([row("CAM-1", "QCVN 135", "2.1.1", REPORT)]) });
    const more = register([row("CAM-2", "QCVN 135", "2.1.2", REPORT), row("CAM-2", "QCVN 135", "2.1.1", CERTIFICATE)]);
    const skipped = await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "b.csv", bytes: more });
    expect(skipped.report).toMatchObject({ skippedCount: 1, counts: { evidenceCreated: 1, evidenceUpdated: 0 } });
    expect(skipped.report!.issues).toMatchObject([{ line: 2, code: "existing_evidence_skipped", severity: "warning" }]);
    const updated = await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "b.csv", bytes: more, options: { onExisting: "update" } });
    expect(updated.report).toMatchObject({ counts: { evidenceCreated: 0, evidenceUpdated: 2 } });
    const report = (await evidenceOf(team)).find((e) => e.reportNumber === "BC-2025/0142")!;
    expect(report).toMatchObject({ clauses: ["2.1.1", "2.1.2"], skus: ["CAM-1", "CAM-2"] });
    expect(await tenantDb(team.organization.id).evidence.count()).toBe(2);
  });

  it("reads a register of any size with the same number of queries", async () => {
    const team = await withSkus(...Array.from({ length: 30 }, (_, i) => `Q-${i}`));
    const small = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "s.csv", bytes: register([row("Q-0", "QCVN 135", "2.1.1", REPORT)]) });
    const rows = Array.from({ length: 600 }, (_, i) => row(`Q-${i % 30}`, i % 2 ? "QCVN 135" : "ETSI EN 303 645 V2.1.1", i % 2 ? "2.1.1" : "5.1-1", [`Doc ${i % 40}`, "Báo cáo thử nghiệm", "Lab", `R-${i % 40}`, "", ""]));
    const large = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "l.csv", bytes: register(rows) });
    const recheck = async (runId: string) => {
      const run = await getImportRun(team.ctx.owner, store, runId);
      return countDatabaseQueries(() => checkImportRun(team.ctx.owner, store, { runId, columnMapping: run.columnMapping, options: {} }));
    };
    const few = await recheck(small.runId!);
    const many = await recheck(large.runId!);
    expect(many.queries).toBe(few.queries);
    // 600 rows repeat 120 distinct (document, SKU, clause) links; the repeats are warnings.
    expect(many.result.writeCount).toBe(120);
    expect(many.result.issues.filter((i) => i.code === "duplicate_link")).toHaveLength(480);
  });

  it("never links another organization's SKUs, whatever the file names", async () => {
    const mine = await withSkus("MINE-1");
    const other = await withSkus("OTHER-1");
    const otherSku = await tenantDb(other.organization.id).sku.findFirstOrThrow({ select: { id: true } });
    const result = await importFile(mine.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: register([row("OTHER-1", "QCVN 135", "2.1.1", REPORT), row(otherSku.id, "QCVN 135", "2.1.1", REPORT), row("MINE-1", "QCVN 135", "2.1.1", REPORT)]) });
    expect(result.report!.issues.map((i) => i.code)).toEqual(["unknown_sku", "unknown_sku"]);
    expect((await evidenceOf(mine))[0]!.skus).toEqual(["MINE-1"]);
    expect(await evidenceOf(other)).toEqual([]);
  });
});
