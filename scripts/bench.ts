// `npm run bench`: the performance targets of the issues, measured on a throwaway database.
// Targets: re-mapping 1,000 SKUs x 60 clauses in under 5 s on a 2-core machine (issue #5); the
// deadlines page and the dashboard at 1,000 SKUs under 300 ms with a constant number of queries, the
// reminder sweep over 20 organizations x 1,000 SKUs under 10 s (issue #10); a 5,000-row SKU import end to
// end under 10 s and a 10,000-row evidence register under 20 s, with peak RSS (issue #12). Exits 1 when a target is missed.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { RemapGraph, emptyProfile, remapSku, type RemapEvidence, type RemapMapping } from "../packages/compliance/src/index";
import { createMigratedTestDatabase, dropTestDatabase } from "../packages/db/src/testing/test-database";

const SKUS = 1000;
const TARGET_CLAUSES = 60;
const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hopquy";

interface Result {
  name: string;
  ms: number;
  targetMs?: number;
  note?: string;
}
const results: Result[] = [];

// `repeat`: for read-only page loads, the median of that many runs (one run can catch a GC pause or
// the other core busy); writes run once.
async function time<T>(name: string, work: () => Promise<T> | T, options: { targetMs?: number; note?: (value: T) => string; repeat?: number } = {}): Promise<T> {
  const runs: number[] = [];
  let value!: T;
  for (let i = 0; i < (options.repeat ?? 1); i++) {
    const started = performance.now();
    value = await work();
    runs.push(performance.now() - started);
  }
  const ms = runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const spread = runs.length > 1 ? `median of ${runs.length}, ${runs[0]!.toFixed(0)}–${runs[runs.length - 1]!.toFixed(0)} ms` : undefined;
  const note = [options.note?.(value), spread].filter(Boolean).join("; ");
  results.push({ name, ms, targetMs: options.targetMs, note: note || undefined });
  return value;
}

// The process's resident memory while `work` runs, sampled every 50 ms: "peak RSS +N MB (M MB)".
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; rss: string }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const value = await work();
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    return { value, rss: `peak RSS +${mb(peak - before)} MB (${mb(peak)} MB)` };
  } finally {
    clearInterval(sampler);
  }
}

// 1. The pure engine alone on a synthetic world of the target's size: 60 target clauses reached from
// 120 source clauses over two mapping layers, 1,000 SKUs with 4 evidence items each.
function syntheticEngineRun() {
  const targets = Array.from({ length: TARGET_CLAUSES }, (_, i) => ({ id: `t${i}`, code: `T-${i}`, conditions: [] as number[] }));
  const middle = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, code: `M-${i}`, conditions: [] as number[] }));
  const sources = Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, code: `S-${i}`, conditions: i % 7 === 0 ? [1] : [] }));
  const relations = ["equal", "superset", "subset", "intersect", "not_related"] as const;
  const mappings: RemapMapping[] = [];
  sources.forEach((s, i) => {
    mappings.push({ id: `sm${i}`, mappingSetId: "etsi-135", sourceClauseId: s.id, targetClauseId: middle[i % 60]!.id, relation: relations[i % 5]!, strength: 7 });
    mappings.push({ id: `st${i}`, mappingSetId: "etsi-11", sourceClauseId: s.id, targetClauseId: targets[(i * 7) % 60]!.id, relation: relations[(i + 2) % 5]!, strength: 6 });
  });
  middle.forEach((m, i) => mappings.push({ id: `mt${i}`, mappingSetId: "135-11", sourceClauseId: m.id, targetClauseId: targets[i]!.id, relation: i % 4 === 0 ? "intersect" : "equal", strength: 7 }));
  const graph = new RemapGraph(targets, [...middle, ...sources], mappings);
  let proposals = 0;
  for (let sku = 0; sku < SKUS; sku++) {
    const evidence: RemapEvidence[] = Array.from({ length: 4 }, (_, e) => ({
      id: `e${sku}-${e}`,
      title: "report",
      reviewState: e === 3 ? "submitted" : "accepted",
      expiryDate: e === 2 ? "2020-01-01" : null,
      effectiveDate: "2025-01-01",
      firmwareDependent: false,
      firmwareScopes: [null],
      clauseIds: Array.from({ length: 15 }, (_, k) => sources[(sku * 3 + e * 17 + k * 5) % 120]!.id),
    }));
    proposals += remapSku(graph, { evidence, profile: emptyProfile(), currentFirmwareId: null, today: "2026-11-23", existing: [] }).length;
  }
  return proposals;
}

async function main() {
  await time("engine only: 1,000 SKUs x 60 clauses (synthetic, pure)", syntheticEngineRun, {
    targetMs: 5_000,
    note: (n) => `${n} proposals`,
  });

  const url = await createMigratedTestDatabase(baseUrl, "bench");
  process.env.DATABASE_URL = url;
  // Imported after DATABASE_URL points at the bench database: the client reads it on first use.
  const db = await import("../packages/db/src/index");
  const { countDatabaseQueries, createTestOrganization, createTestUser } = await import("../packages/db/src/testing/index");
  const core = await import("../packages/core/src/index");
  const { loadShippedReferenceData } = await import("../packages/core/src/catalog/load-shipped-reference-data");
  const { loadRemapWorld, loadSkuRemapInputs } = await import("../packages/core/src/remap/load-remap-world");
  const { runRemap } = await import("../packages/core/src/remap/remap-skus");
  try {
    await loadShippedReferenceData();
    const owner = await createTestUser();
    const organization = await createTestOrganization({ ownerId: owner.id });
    const ctx = await core.resolveTenantContext(owner, organization.slug);
    const tenant = db.tenantDb(organization.id);

    // 1,000 SKUs in 20 families; each family shares a QCVN 135 certificate and an ETSI lab report
    // (accepted), as importers hold them today.
    const sourceClauses = await db.platformDb().clause.findMany({
      where: { catalogVersion: { regulation: { in: ["QCVN_135_2024_BTTTT", "ETSI_EN_303_645"] } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await tenant.sku.createMany({
      data: Array.from({ length: SKUS }, (_, i) => ({ organizationId: organization.id, modelCode: `BENCH-${String(i).padStart(4, "0")}`, brand: "Bench", manufacturer: "Bench Co", countryOfOrigin: "CN", capabilities: {} })),
    });
    const skus = await tenant.sku.findMany({ select: { id: true }, orderBy: { modelCode: "asc" } });
    for (let family = 0; family < 20; family++) {
      const members = skus.filter((_, i) => i % 20 === family).map((s) => s.id);
      for (const [kind, offset] of [["certificate", 0], ["lab_test_report", 37]] as const) {
        const evidence = await tenant.evidence.create({
          data: { organizationId: organization.id, kind, title: `${kind} family ${family}`, reviewState: "accepted", createdByEmail: owner.email },
        });
        await tenant.evidenceClauseLink.createMany({
          data: Array.from({ length: 25 }, (_, k) => ({ organizationId: organization.id, evidenceId: evidence.id, clauseId: sourceClauses[(family * 3 + offset + k * 2) % sourceClauses.length]!.id, createdByEmail: owner.email })),
          skipDuplicates: true,
        });
        await tenant.evidenceSkuLink.createMany({ data: members.map((skuId) => ({ organizationId: organization.id, evidenceId: evidence.id, skuId, createdByEmail: owner.email })) });
      }
    }
    const ids = skus.map((s) => s.id);
    await time("derive assessments for 1,000 new SKUs (first write)", () => tenant.$transaction((tx) => core.refreshDerivedAssessments(tx, organization.id, ids), { timeout: 300_000 }), {
      note: (r) => `${r.written} rows written`,
    });
    await time("re-derive 1,000 SKUs, nothing changed", () => tenant.$transaction((tx) => core.refreshDerivedAssessments(tx, organization.id, ids), { timeout: 300_000 }), {
      note: (r) => `${r.written} rows written`,
    });

    await time(
      `re-map preview: ${SKUS} SKUs x QCVN 11 (load + engine)`,
      () =>
        countDatabaseQueries(async () => {
          const world = (await loadRemapWorld(tenant))!;
          const inputs = await loadSkuRemapInputs(tenant, world, ids);
          return { world, results: runRemap(world, inputs) };
        }),
      { targetMs: 5_000, note: ({ queries, result }) => `${queries} queries, ${result.world.target.clauses.length} clauses/SKU, ${result.results.reduce((n, r) => n + r.proposals.filter((p) => p.merged.changed).length, 0)} changes` },
    );

    const run = await core.startOrganizationRemap(ctx, { mode: "apply" });
    await time(`re-map apply: ${SKUS} SKUs (job body, batches of ${core.REMAP_BATCH_SIZE})`, () => core.runOrganizationRemap({ organizationId: organization.id, runId: run.id }), {
      note: (r) => (r.skipped ? "skipped" : `${r.summary.written} assessments written`),
    });

    await time("matrix page: 25 of 1,000 SKUs", () => countDatabaseQueries(() => core.getComplianceMatrix(ctx, { limit: 25 })), {
      targetMs: 1_000,
      note: (r) => `${r.queries} queries`,
    });
    await time("matrix page filtered by status=gap", () => countDatabaseQueries(() => core.getComplianceMatrix(ctx, { limit: 25, status: "gap" })), {
      targetMs: 1_000,
      note: (r) => `${r.queries} queries`,
    });

    // Issue #10: deadlines and the dashboard at 1,000 SKUs, and the reminder sweep over 20
    // organizations x 1,000 SKUs, under the published test list (8525.89 medium: declare by
    // 2027-06-30 for products already on the market).
    const { parseRiskList } = await import("../packages/catalog/src/index");
    const { PUBLISHED_RISK_LIST_YAML } = await import("../packages/catalog/src/testing/risk-list-fixtures");
    const parsedList = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
    if (!parsedList.ok) throw new Error("test risk list is invalid");
    const { riskList } = await core.publishRiskList(parsedList.value, { origin: "imported" });
    await tenant.sku.updateMany({ data: { hsCode: "8525.89.10" } });
    const extraOrganizations = [];
    for (let i = 1; i < 20; i++) {
      const other = await createTestOrganization({ ownerId: (await createTestUser()).id });
      await db.tenantDb(other.id).sku.createMany({
        data: Array.from({ length: SKUS }, (_, k) => ({ organizationId: other.id, modelCode: `BENCH-${i}-${k}`, brand: "Bench", manufacturer: "Bench Co", countryOfOrigin: "CN", hsCode: "8525.89.10", capabilities: {} })),
      });
      extraOrganizations.push(other);
    }
    await time("risk-list publication applied: 20 organizations x 1,000 SKUs re-classified", () => core.applyRiskListPublication({ riskListId: riskList.id }), {
      note: (r) => `${r.reclassifiedSkus} SKUs re-classified`,
    });
    const today = "2027-06-05";
    await time("deadlines page: 1,000 SKUs (computed on read, page of 50)", () => countDatabaseQueries(() => core.listOrganizationDeadlines(ctx, { today, limit: 50 })), {
      targetMs: 300,
      repeat: 5,
      note: (r) => `${r.queries} queries, ${r.result.total} deadlines`,
    });
    await time("compliance dashboard: 1,000 SKUs", () => countDatabaseQueries(() => core.getComplianceDashboard(ctx, { today })), {
      targetMs: 300,
      repeat: 5,
      note: (r) => `${r.queries} queries, ${r.result.atRisk.total} SKUs at risk`,
    });
    await time("reminder sweep: 20 organizations x 1,000 SKUs (first run writes the reminders)", () => core.sweepDeadlineReminders({ today }), {
      targetMs: 10_000,
      note: (r) => `${r.organizations} organizations, ${r.remindersCreated} reminders`,
    });
    await time("reminder sweep again, nothing new", () => core.sweepDeadlineReminders({ today }), {
      targetMs: 10_000,
      note: (r) => `${r.remindersCreated} reminders`,
    });

    // Issue #12: an importer's 5,000-row product list end to end (upload -> check -> the worker's
    // execute, which also derives every new SKU's QCVN 11 assessments), in its own organization.
    const { importFile, testImportStore } = await import("../packages/core/src/testing/import-runs");
    const importer = await createTestOrganization({ ownerId: owner.id });
    const importerCtx = await core.resolveTenantContext(owner, importer.slug);
    const productList = [
      "Mã hàng;Tên hàng;Hãng;NSX;Made in;Mã HS;FW version;FW release date",
      ...Array.from({ length: 5_000 }, (_, i) => `IMP-${String(i).padStart(5, "0")};Camera ${i % 9}MP;HopCam;Công ty TNHH Camera Việt;VN;8525.89.90;V${1 + (i % 5)}.${i % 10}.0;${45000 + (i % 700)}`),
    ].join("\r\n");
    await time("SKU import: 5,000-row ERP list, upload -> check -> worker execute (with derived assessments)", () => withPeakRss(() => importFile(importerCtx, { fileName: "erp.csv", bytes: Buffer.from(productList, "utf8") }, testImportStore())), {
      targetMs: 10_000,
      note: ({ value: r, rss }) => `${r.report?.counts?.created ?? 0} SKUs, ${r.report?.counts?.firmwareAdded ?? 0} firmware; ${rss}`,
    });

    // Issue #12: a 10,000-row evidence register over those SKUs (500 documents x 20 rows, QCVN 135
    // and ETSI clauses): grouped, resolved in three queries, written with its links.
    const clauseCodes = ["2.1.1", "2.1.2", "2.2.1", "2.3.1", "2.5.1"];
    const evidenceRegister = [
      "Mã hàng;Quy chuẩn;Điều khoản;Tên tài liệu;Loại;Phòng thử nghiệm;Số báo cáo;Ngày cấp;Ngày hết hạn",
      ...Array.from({ length: 10_000 }, (_, i) => {
        // Row j of document `doc`: each document names 20 SKUs and 5 clauses.
        const doc = i % 500;
        const j = Math.floor(i / 500);
        return `IMP-${String((doc * 10 + j) % 5_000).padStart(5, "0")};QCVN 135:2024/BTTTT;${clauseCodes[j % 5]};Báo cáo thử nghiệm ${doc};Báo cáo thử nghiệm;QUATEST 1;BC-${doc};15/03/2025;14/03/2028`;
      }),
    ].join("\r\n");
    await time("evidence register: 10,000 rows, upload -> check -> worker execute", () => withPeakRss(() => importFile(importerCtx, { kind: "evidence_register", fileName: "register.csv", bytes: Buffer.from(evidenceRegister, "utf8") }, testImportStore())), {
      targetMs: 20_000,
      note: ({ value: r, rss }) => `${r.report?.counts?.evidenceCreated ?? 0} evidence, ${r.report?.counts?.clauseLinks ?? 0} clause links, ${r.report?.counts?.skuLinks ?? 0} SKU links, ${r.report?.rejectedCount ?? "?"} rejected; ${rss}`,
    });
  } finally {
    await db.disconnectRawClient();
    await dropTestDatabase(url);
  }

  const missed = results.filter((r) => r.targetMs !== undefined && r.ms > r.targetMs);
  console.log(`\nHopQuy benchmarks (${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores)\n`);
  for (const r of results) {
    const verdict = r.targetMs === undefined ? "" : r.ms <= r.targetMs ? `  ok (< ${r.targetMs} ms)` : `  MISSED (target ${r.targetMs} ms)`;
    console.log(`${r.ms.toFixed(0).padStart(7)} ms  ${r.name}${r.note ? ` — ${r.note}` : ""}${verdict}`);
  }
  if (missed.length) {
    console.error(`\n${missed.length} target(s) missed.`);
    process.exit(1);
  }
  process.exit(0);
}

await main();
