import { describe, expect, it } from "vitest";
import { emptyProfile } from "./applicability-profile";
import { buildGapReportContent, compareCodes, type GapClosersInput, type GapReportInput, type GapReportSkuInput } from "./gap-report";
import { RemapGraph, remapSku, type ExistingAssessment, type RemapEvidence, type RemapMapping, type RemapProposal } from "./remap-engine";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// A small QCVN 11 catalog: two groups of two clauses and a third group of one.
const catalog = {
  version: "2026-provisional-1",
  revision: 1,
  provisional: true,
  groups: [
    { id: "g1", code: "G01", titleVi: "Mật khẩu", titleEn: "Passwords" },
    { id: "g2", code: "G02", titleVi: "Cập nhật", titleEn: "Updates" },
    { id: "g3", code: "G03", titleVi: "Nhật ký", titleEn: null },
  ],
  clauses: [
    { id: "q11:1", code: "HQ11-G01-01", groupId: "g1", titleVi: "Mật khẩu duy nhất", titleEn: "Unique passwords" },
    { id: "q11:2", code: "HQ11-G01-02", groupId: "g1", titleVi: "Chống dò mật khẩu", titleEn: "Brute-force protection" },
    { id: "q11:3", code: "HQ11-G02-01", groupId: "g2", titleVi: "Cập nhật an toàn", titleEn: "Secure updates" },
    { id: "q11:4", code: "HQ11-G02-02", groupId: "g2", titleVi: "Thông báo cập nhật", titleEn: null },
    { id: "q11:5", code: "HQ11-G03-01", groupId: "g3", titleVi: "Ghi nhật ký", titleEn: "System logs" },
  ],
};

const SET_135 = "set:135-11";
const Q135 = { a: "q135:2.1.1", b: "q135:2.1.2", c: "q135:2.3.1" };
const mapping = (from: string, to: string, relation: RemapMapping["relation"], strength = 7): RemapMapping => ({
  id: `m:${from}->${to}`,
  mappingSetId: SET_135,
  sourceClauseId: from,
  targetClauseId: to,
  relation,
  strength,
});
const graph = new RemapGraph(
  catalog.clauses.map((c) => ({ id: c.id, code: c.code, conditions: [] })),
  Object.values(Q135).map((id) => ({ id, code: id.slice(5), conditions: [] })),
  [mapping(Q135.a, "q11:1", "equal"), mapping(Q135.b, "q11:2", "intersect", 5), mapping(Q135.c, "q11:3", "subset", 4), mapping(Q135.c, "q11:4", "equal")],
);

const evidence = (id: string, clauseIds: string[], overrides: Partial<RemapEvidence> = {}): RemapEvidence => ({
  id,
  title: `Report ${id}`,
  reviewState: "accepted",
  expiryDate: null,
  effectiveDate: null,
  firmwareDependent: false,
  firmwareScopes: [null],
  clauseIds,
  ...overrides,
});

function proposalsFor(evidenceList: RemapEvidence[], existing: ExistingAssessment[] = [], retestBefore: string | null = null): RemapProposal[] {
  return remapSku(graph, { evidence: evidenceList, profile: emptyProfile(), currentFirmwareId: null, today: "2026-11-23", existing, retestBefore });
}

const sku = (modelCode: string, proposals: RemapProposal[], overrides: Partial<GapReportSkuInput> = {}): GapReportSkuInput => ({
  skuId: `sku:${modelCode}`,
  modelCode,
  hardwareRevision: "",
  firmwareVersion: null,
  proposals,
  ...overrides,
});

const closers: Map<string, GapClosersInput> = new Map([
  [
    "q11:2",
    {
      etsiProvisions: [
        { code: "5.1-5", title: { vi: "Chống vét cạn", en: "Brute force" }, testCaseCodes: ["5.1-5-2", "5.1-5-1"] },
        { code: "5.1-10", title: { vi: null, en: "Ten" }, testCaseCodes: [] },
        { code: "5.1-5", title: { vi: "Chống vét cạn", en: "Brute force" }, testCaseCodes: ["5.1-5-1"] },
      ],
      testCases: [
        { code: "5.1-5-2", title: { vi: "Chức năng", en: "Functional" }, ixitFormCodes: ["1-AuthMech"] },
        { code: "5.1-5-1", title: { vi: "Thiết kế", en: "Conceptual" }, ixitFormCodes: ["10-SecParam", "1-AuthMech", "1-AuthMech"] },
      ],
      ixitForms: [
        { code: "10-SecParam", title: { vi: null, en: "Security Parameters" } },
        { code: "1-AuthMech", title: { vi: null, en: "Authentication Mechanisms" } },
      ],
    },
  ],
]);

function input(skus: GapReportSkuInput[], overrides: Partial<GapReportInput> = {}): GapReportInput {
  return {
    organization: { name: "Công ty HopCam", slug: "hopcam" },
    generatedOn: "2026-11-23",
    scope: "organization",
    catalog,
    skus,
    closers,
    clauseLabels: new Map([
      [Q135.a, "QCVN 135:2024/BTTTT 2.1.1"],
      [Q135.b, "QCVN 135:2024/BTTTT 2.1.2"],
      ["q11:2", "QCVN 11 HQ11-G01-02"],
    ]),
    mappingSets: new Map([[SET_135, { key: "qcvn-135--qcvn-11", title: { vi: "QCVN 135 -> QCVN 11", en: "QCVN 135 -> QCVN 11 (en)" } }]]),
    ...overrides,
  };
}

const build = (i: GapReportInput) => buildGapReportContent(deepFreeze(i));
const codesOf = (report: ReturnType<typeof build>, skuIndex = 0) => report.skus[skuIndex]!.groups.map((g) => [g.code, g.clauses.map((c) => `${c.code}:${c.status}`)]);

describe("buildGapReportContent: which clauses", () => {
  it("lists gap and partial clauses by group in catalog order, leaving out covered ones and empty groups", () => {
    // 2.1.1 covers G01-01 (equal), 2.1.2 partially supports G01-02 (intersect); the rest are gaps.
    const report = build(input([sku("CAM-1", proposalsFor([evidence("e1", [Q135.a, Q135.b])]))]));
    expect(codesOf(report)).toEqual([
      ["G01", ["HQ11-G01-02:partial"]],
      ["G02", ["HQ11-G02-01:gap", "HQ11-G02-02:gap"]],
      ["G03", ["HQ11-G03-01:gap"]],
    ]);
    expect(report.skus[0]!.counts).toEqual({ gap: 3, partial: 1, conflicts: 0, retest: 1 });
    expect(report.skus[0]!.groups[0]).toMatchObject({ code: "G01", title: { vi: "Mật khẩu", en: "Passwords" } });
    expect(report.skus[0]!.groups[2]!.title).toEqual({ vi: "Nhật ký", en: null });
  });

  it("a SKU with everything covered or not applicable has no groups but stays in the report", () => {
    const covered = catalog.clauses.map((c): RemapProposal => ({
      clauseId: c.id,
      status: c.id === "q11:5" ? "not_applicable" : "covered",
      reason: null,
      explanation: { paths: [], ignoredEvidence: [], unmetConditions: [], inheritedFrom: [] },
      retest: [],
      existing: null,
      merged: { status: c.id === "q11:5" ? "not_applicable" : "covered", origin: "remapped", changed: true },
      conflict: null,
    }));
    const report = build(input([sku("DONE", covered)]));
    expect(report.skus).toHaveLength(1);
    expect(report.skus[0]!.groups).toEqual([]);
    expect(report.totals).toEqual({ skus: 1, skusWithGaps: 0, gap: 0, partial: 0, conflicts: 0, retest: 0 });
  });

  it("uses the merged status: a manual gap is listed although the evidence covers the clause, with the conflict", () => {
    const proposals = proposalsFor([evidence("e1", [Q135.a])], [{ clauseId: "q11:1", status: "gap", origin: "manual" }]);
    const clause = build(input([sku("CAM-1", proposals)])).skus[0]!.groups[0]!.clauses[0]!;
    expect(clause).toMatchObject({ code: "HQ11-G01-01", status: "gap", origin: "manual", proposedStatus: "covered", conflict: { manualStatus: "gap", proposedStatus: "covered" } });
    expect(clause.support).toHaveLength(1);
  });

  it("a manual 'covered' the mappings disagree with is not a gap, but is listed among the other conflicts", () => {
    const proposals = proposalsFor([], [{ clauseId: "q11:5", status: "covered", origin: "manual" }, { clauseId: "q11:3", status: "partial", origin: "manual" }]);
    const report = build(input([sku("CAM-1", proposals)]));
    const s = report.skus[0]!;
    expect(s.groups.flatMap((g) => g.clauses.map((c) => c.code))).toEqual(["HQ11-G01-01", "HQ11-G01-02", "HQ11-G02-01", "HQ11-G02-02"]);
    expect(s.groups[1]!.clauses[0]).toMatchObject({ status: "partial", origin: "manual", proposedStatus: "gap" });
    expect(s.otherConflicts).toEqual([{ clauseId: "q11:5", code: "HQ11-G03-01", title: { vi: "Ghi nhật ký", en: "System logs" }, manualStatus: "covered", proposedStatus: "gap" }]);
    // Re-test flags count for listed clauses only (HQ11-G03-01, new in QCVN 11, is manually covered).
    expect(s.counts).toEqual({ gap: 3, partial: 1, conflicts: 2, retest: 0 });
  });

  it("a derived 'in progress' (evidence under review) and a manual 'not started' are not listed as gaps", () => {
    const proposals = proposalsFor([], [{ clauseId: "q11:3", status: "in_progress", origin: "derived" }, { clauseId: "q11:4", status: "not_started", origin: "manual" }]);
    const s = build(input([sku("CAM-1", proposals)])).skus[0]!;
    const listed = s.groups.flatMap((g) => g.clauses.map((c) => c.code));
    expect(listed).not.toContain("HQ11-G02-01");
    expect(listed).not.toContain("HQ11-G02-02");
    // The manual "not started" disagrees with the proposed gap: a conflict to re-check.
    expect(s.otherConflicts.map((c) => [c.code, c.manualStatus, c.proposedStatus])).toEqual([["HQ11-G02-02", "not_started", "gap"]]);
  });

  it("ignores proposals for clauses that are not in the catalog", () => {
    const stray: RemapProposal = { ...proposalsFor([])[0]!, clauseId: "q11:old" };
    const report = build(input([sku("CAM-1", [stray, ...proposalsFor([])])]));
    expect(report.skus[0]!.counts.gap).toBe(5);
  });

  it("refuses a generatedOn that is not an ISO date", () => {
    expect(() => build(input([], { generatedOn: "23/11/2026" }))).toThrow(/generatedOn/);
  });
});

describe("buildGapReportContent: why", () => {
  it("names the evidence, where it is linked and every mapping step with its set, relation and strength", () => {
    const report = build(input([sku("CAM-1", proposalsFor([evidence("e1", [Q135.b])]))]));
    const partial = report.skus[0]!.groups[0]!.clauses.find((c) => c.code === "HQ11-G01-02")!;
    expect(partial.support).toEqual([
      {
        evidenceTitle: "Report e1",
        grade: "partial",
        linkedClause: "QCVN 135:2024/BTTTT 2.1.2",
        steps: [{ relation: "intersect", strength: 5, mappingSet: { key: "qcvn-135--qcvn-11", title: { vi: "QCVN 135 -> QCVN 11", en: "QCVN 135 -> QCVN 11 (en)" } }, to: "QCVN 11 HQ11-G01-02" }],
      },
    ]);
    expect(partial.ignoredEvidence).toEqual([]);
  });

  it("falls back to the clause code, then the id, for labels; to the id for an unknown mapping set", () => {
    const report = build(input([sku("CAM-1", proposalsFor([evidence("e1", [Q135.c])]))], { clauseLabels: new Map(), mappingSets: new Map() }));
    const clause = report.skus[0]!.groups.find((g) => g.code === "G02")!.clauses.find((c) => c.code === "HQ11-G02-01")!;
    expect(clause.support[0]).toEqual({
      evidenceTitle: "Report e1",
      grade: "partial",
      linkedClause: Q135.c,
      steps: [{ relation: "subset", strength: 4, mappingSet: { key: SET_135, title: { vi: null, en: null } }, to: "HQ11-G02-01" }],
    });
  });

  it("lists evidence on the path that does not count, with its verdict", () => {
    const report = build(input([sku("CAM-1", proposalsFor([evidence("e-exp", [Q135.a], { expiryDate: "2025-01-01", title: "Old certificate" }), evidence("e-draft", [Q135.a], { reviewState: "submitted", title: "New certificate" })]))]));
    const clause = report.skus[0]!.groups[0]!.clauses[0]!;
    expect(clause).toMatchObject({ code: "HQ11-G01-01", status: "gap", support: [] });
    expect(clause.ignoredEvidence).toEqual([
      { title: "New certificate", verdict: "pending_review" },
      { title: "Old certificate", verdict: "expired" },
    ]);
  });

  it("carries the re-test flags and counts the clauses that have one", () => {
    const proposals = proposalsFor([evidence("e1", [Q135.b], { effectiveDate: "2024-01-01" })], [], "2025-01-01");
    const s = build(input([sku("CAM-1", proposals)])).skus[0]!;
    const byCode = new Map(s.groups.flatMap((g) => g.clauses).map((c) => [c.code, c.retest]));
    expect(byCode.get("HQ11-G01-02")).toEqual(["evidence_before_cutoff"]);
    expect(byCode.get("HQ11-G03-01")).toEqual(["new_in_target"]);
    expect(byCode.get("HQ11-G02-01")).toEqual([]);
    expect(s.counts.retest).toBe(2);
  });
});

describe("buildGapReportContent: what would close it", () => {
  it("provisions, test cases and IXIT forms are de-duplicated and sorted by their numbers; provisions without a test case are named", () => {
    const report = build(input([sku("CAM-1", proposalsFor([]))]));
    const clause = report.skus[0]!.groups[0]!.clauses.find((c) => c.code === "HQ11-G01-02")!;
    expect(clause.closers).toEqual({
      etsiProvisions: [
        { code: "5.1-5", title: { vi: "Chống vét cạn", en: "Brute force" }, testCaseCodes: ["5.1-5-1", "5.1-5-2"] },
        { code: "5.1-10", title: { vi: null, en: "Ten" }, testCaseCodes: [] },
      ],
      testCases: [
        { code: "5.1-5-1", title: { vi: "Thiết kế", en: "Conceptual" }, ixitFormCodes: ["1-AuthMech", "10-SecParam"] },
        { code: "5.1-5-2", title: { vi: "Chức năng", en: "Functional" }, ixitFormCodes: ["1-AuthMech"] },
      ],
      ixitForms: [
        { code: "1-AuthMech", title: { vi: null, en: "Authentication Mechanisms" } },
        { code: "10-SecParam", title: { vi: null, en: "Security Parameters" } },
      ],
      provisionsWithoutTestCase: ["5.1-10"],
    });
  });

  it("a clause without recorded closers gets empty lists, not invented ones", () => {
    const clause = build(input([sku("CAM-1", proposalsFor([]))])).skus[0]!.groups[2]!.clauses[0]!;
    expect(clause.closers).toEqual({ etsiProvisions: [], testCases: [], ixitForms: [], provisionsWithoutTestCase: [] });
  });

  it("each SKU gets its own copy of the closers", () => {
    const report = build(input([sku("A", proposalsFor([])), sku("B", proposalsFor([]))]));
    const first = report.skus[0]!.groups[0]!.clauses[1]!.closers;
    first.etsiProvisions.pop();
    expect(report.skus[1]!.groups[0]!.clauses[1]!.closers.etsiProvisions).toHaveLength(2);
  });
});

describe("buildGapReportContent: organization report", () => {
  it("sorts SKUs by model code and hardware revision and adds up the totals", () => {
    const skus = [
      sku("CAM-2", proposalsFor([evidence("e1", [Q135.a, Q135.b, Q135.c])]), { skuId: "s2" }),
      sku("CAM-1", proposalsFor([]), { skuId: "s1b", hardwareRevision: "B" }),
      sku("CAM-1", proposalsFor([]), { skuId: "s1a", hardwareRevision: "A", firmwareVersion: "1.0.0" }),
    ];
    const report = build(input(skus));
    expect(report.skus.map((s) => [s.modelCode, s.hardwareRevision, s.firmwareVersion])).toEqual([
      ["CAM-1", "A", "1.0.0"],
      ["CAM-1", "B", null],
      ["CAM-2", "", null],
    ]);
    expect(report.skus[2]!.counts).toEqual({ gap: 1, partial: 2, conflicts: 0, retest: 1 });
    expect(report.totals).toEqual({ skus: 3, skusWithGaps: 3, gap: 11, partial: 2, conflicts: 0, retest: 3 });
    expect(report).toMatchObject({ organization: { name: "Công ty HopCam", slug: "hopcam" }, generatedOn: "2026-11-23", scope: "organization", catalog: { version: "2026-provisional-1", revision: 1, provisional: true } });
  });

  it("does not depend on the order of SKUs, proposals or closers", () => {
    const skus = [sku("CAM-2", proposalsFor([evidence("e1", [Q135.b])])), sku("CAM-1", proposalsFor([evidence("e2", [Q135.c])]))];
    const reversedClosers = new Map([...closers].map(([id, c]) => [id, { etsiProvisions: [...c.etsiProvisions].reverse(), testCases: [...c.testCases].reverse(), ixitForms: [...c.ixitForms].reverse() }]));
    const reversed = [...skus].reverse().map((s) => ({ ...s, proposals: [...s.proposals].reverse() }));
    expect(build(input(reversed, { closers: reversedClosers }))).toEqual(build(input(skus)));
  });

  it("an organization without SKUs gives an empty report", () => {
    expect(build(input([])).totals).toEqual({ skus: 0, skusWithGaps: 0, gap: 0, partial: 0, conflicts: 0, retest: 0 });
  });
});

describe("compareCodes", () => {
  it("orders number runs numerically", () => {
    expect(["5.1-10", "5.1-9", "5.10-1", "4-1", "10-SecParam", "1-AuthMech", "5.1-9A"].sort(compareCodes)).toEqual(["1-AuthMech", "4-1", "5.1-9", "5.1-9A", "5.1-10", "5.10-1", "10-SecParam"]);
  });
});
