import { serializeCsv } from "@hopquy/catalog";
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { Readable } from "node:stream";
import { createHash } from "node:crypto";
import { attachImportArchive, getImportRun, checkImportRun, executeImportRun, startImportRun } from "../imports/import-runs";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { importFile, testImportStore, uploadAndCheck } from "../testing/import-runs";
import { csvBytes, zipBytes } from "../testing/sku-sheet-fixtures";

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

const pdf = (marker: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const FILE_HEADER = [...HEADER.slice(0, -1), "Tên tệp"];
const fileRow = (model: string, clause: string, doc: string[], fileName: string) => [model, "QCVN 135", clause, ...doc, "", fileName];
const docOf = (title: string, number: string) => [title, "Báo cáo thử nghiệm", "QUATEST 1", number, "", ""];

describe("an evidence register with a ZIP of its files", () => {
  it("attaches each document's file as its first revision, matched by name; missing, unsafe, disguised and bomb-like files are refused per row", async () => {
    const team = await withSkus("ZIP-1");
    const certificate = pdf("certificate");
    const report = pdf("report");
    const archive = zipBytes([
      { name: "Hồ sơ/CN-135-0099.pdf", data: certificate },
      { name: "bc-0142.pdf", data: report },
      { name: "../../evil.pdf", data: pdf("evil") },
      { name: "fake.pdf", data: Buffer.from("<html><script>alert(1)</script></html>") },
      { name: "bomb.pdf", data: Buffer.concat([pdf("bomb"), Buffer.alloc(8 * 1024 * 1024)]) },
    ]);
    const file = csvBytes(
      serializeCsv([
        FILE_HEADER,
        fileRow("ZIP-1", "2.1.1", docOf("Chứng nhận", "CN-135-0099"), "cn-135-0099.PDF"),
        fileRow("ZIP-1", "2.1.2", docOf("Chứng nhận", "CN-135-0099"), ""),
        fileRow("ZIP-1", "2.1.1", docOf("Báo cáo", "BC-0142"), "bc-0142.pdf"),
        fileRow("ZIP-1", "2.1.1", docOf("Thiếu", "X-1"), "missing.pdf"),
        fileRow("ZIP-1", "2.1.1", docOf("Độc", "X-2"), "evil.pdf"),
        fileRow("ZIP-1", "2.1.1", docOf("Giả", "X-3"), "fake.pdf"),
        fileRow("ZIP-1", "2.1.1", docOf("Bom", "X-4"), "bomb.pdf"),
      ]),
    );
    const checked = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: file });
    // Without the archive, documents import without their files, and the check says so.
    expect(checked.report!.issues.filter((i) => i.code === "file_not_uploaded")).toHaveLength(6);
    const attached = await attachImportArchive(team.ctx.owner, store, { runId: checked.runId!, fileName: "ho-so.zip", stream: Readable.from([archive]) });
    expect(attached).toMatchObject({ entries: 5, refused: 2 });
    const run = await getImportRun(team.ctx.owner, store, checked.runId!);
    expect(run).toMatchObject({ archiveName: "ho-so.zip", archiveSha256: sha(archive), report: null });
    const rechecked = await checkImportRun(team.ctx.owner, store, { runId: run.id, columnMapping: run.columnMapping, options: {} });
    expect(rechecked.issues.map((i) => [i.line, i.code, i.params?.reason])).toEqual([
      [5, "file_not_in_archive", "file_not_in_archive"],
      [6, "file_refused_unsafe_name", "unsafe_name"],
      [8, "file_refused_suspicious_ratio", "suspicious_ratio"],
    ]);
    await startImportRun(team.ctx.owner, run.id);
    const done = await executeImportRun({ organizationId: team.organization.id, runId: run.id }, store);
    // The disguised HTML is only known when its content is read: refused when the import runs.
    expect(done.report!.issues.map((i) => [i.line, i.code, i.params?.reason])).toEqual([
      [5, "file_not_in_archive", "file_not_in_archive"],
      [6, "file_refused_unsafe_name", "unsafe_name"],
      [7, "file_refused_unsupported_media_type", "unsupported_media_type"],
      [8, "file_refused_suspicious_ratio", "suspicious_ratio"],
    ]);
    expect(done.report!.counts).toMatchObject({ evidenceCreated: 2, files: 2 });
    const revisions = await tenantDb(team.organization.id).evidenceRevision.findMany({ include: { evidence: { select: { title: true } } }, orderBy: { fileName: "asc" } });
    expect(revisions.map((r) => [r.evidence.title, r.number, r.fileName, r.mediaType, r.sha256, r.sizeBytes]).sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
      ["Chứng nhận", 1, "CN-135-0099.pdf", "application/pdf", sha(certificate), certificate.length],
      ["Báo cáo", 1, "bc-0142.pdf", "application/pdf", sha(report), report.length],
    ].sort((a, b) => String(a[2]).localeCompare(String(b[2]))));
    expect(await store.verify(`sha256/${sha(report).slice(0, 2)}/${sha(report).slice(2, 4)}/${sha(report)}`, sha(report))).toBe(true);
  });

  it("attaches files to new evidence only; a document the organization holds keeps its files and the check says so", async () => {
    const team = await withSkus("ZIP-3");
    const rows = [fileRow("ZIP-3", "2.1.1", docOf("Đã có", "E-1"), "e-1.pdf")];
    await importFile(team.ctx.owner, { kind: "evidence_register", fileName: "a.csv", bytes: csvBytes(serializeCsv([FILE_HEADER, ...rows])) });
    const again = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "b.csv", bytes: csvBytes(serializeCsv([FILE_HEADER, fileRow("ZIP-3", "2.1.2", docOf("Đã có", "E-1"), "e-1.pdf")])), options: { onExisting: "update" } });
    await attachImportArchive(team.ctx.owner, store, { runId: again.runId!, fileName: "f.zip", stream: Readable.from([zipBytes([{ name: "e-1.pdf", data: pdf("existing") }])]) });
    const run = await getImportRun(team.ctx.owner, store, again.runId!);
    const report = await checkImportRun(team.ctx.owner, store, { runId: run.id, columnMapping: run.columnMapping, options: { onExisting: "update" } });
    expect(report.issues).toMatchObject([{ line: 2, code: "file_not_attached_existing", severity: "warning" }]);
    await startImportRun(team.ctx.owner, run.id);
    const done = await executeImportRun({ organizationId: team.organization.id, runId: run.id }, store);
    expect(done.report!.counts).toMatchObject({ evidenceUpdated: 1, files: 0 });
    expect(await tenantDb(team.organization.id).evidenceRevision.count()).toBe(0);
  });

  it("takes only a readable ZIP, only for registers, only before the import starts", async () => {
    const team = await withSkus("ZIP-2");
    const checked = await uploadAndCheck(team.ctx.owner, { kind: "evidence_register", fileName: "r.csv", bytes: register([row("ZIP-2", "QCVN 135", "2.1.1", REPORT)]) });
    const attach = (runId: string, bytes: Buffer) => attachImportArchive(team.ctx.owner, store, { runId, fileName: "x.zip", stream: Readable.from([bytes]) });
    expect((await expectAppError(attach(checked.runId!, pdf("not a zip")), "VALIDATION")).details?.reason).toBe("archive_not_zip");
    const truncated = zipBytes([{ name: "a.pdf", data: pdf("a") }]).subarray(0, 60);
    expect((await expectAppError(attach(checked.runId!, Buffer.concat([truncated, Buffer.alloc(40)])), "VALIDATION")).details?.reason).toMatch(/^archive_(invalid|not_zip)$/);
    const skuRun = await uploadAndCheck(team.ctx.owner, { fileName: "s.csv", bytes: csvBytes("modelCode,brand,manufacturer,countryOfOrigin\nS-1,B,M,VN\n") });
    expect((await expectAppError(attach(skuRun.runId!, zipBytes([{ name: "a.pdf", data: pdf("a") }])), "VALIDATION")).details?.reason).toBe("archive_not_accepted");
    await startImportRun(team.ctx.owner, checked.runId!);
    await expectAppError(attach(checked.runId!, zipBytes([{ name: "a.pdf", data: pdf("a") }])), "CONFLICT");
    await expectAppError(attachImportArchive(team.ctx.viewer, store, { runId: checked.runId!, fileName: "x.zip", stream: Readable.from([pdf("v")]) }), "FORBIDDEN");
  });
});
