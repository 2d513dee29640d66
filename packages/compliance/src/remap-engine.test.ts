import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicabilityProfileSchema, conditionHolds, emptyProfile, type ApplicabilityProfile } from "./applicability-profile";
import { evidenceVerdict, notApplicableReason, type EvidenceReviewState, type EvidenceVerdict } from "./derive-assessments";
import {
  DEFAULT_MAX_DEPTH,
  RemapGraph,
  remapSku,
  type AssessmentOriginName,
  type AssessmentStatusName,
  type ExistingAssessment,
  type MappingRelationName,
  type RemapClause,
  type RemapEvidence,
  type RemapMapping,
  type RemapProposal,
  type RemapSkuInput,
  type RemapStatus,
  type SupportGrade,
} from "./remap-engine";

const TODAY = "2026-11-23";
const YESTERDAY = "2026-11-22";
const TOMORROW = "2026-11-24";
const CURRENT = "fw-2.4.1";
const OLD = "fw-2.3.0";

const TS_V3 = "etsi-ts-103-701--etsi-en-303-645-v3.1.3";
const V3_V2 = "etsi-en-303-645-v3.1.3--v2.1.1";
const ETSI_135 = "etsi-en-303-645-v2.1.1--qcvn-135-2024";
const Q135_Q11 = "qcvn-135-2024--qcvn-11-2026-provisional-1";
const ETSI_Q11 = "etsi-en-303-645-v2.1.1--qcvn-11-2026-provisional-1";

const RELATIONS: MappingRelationName[] = ["equal", "superset", "subset", "intersect", "not_related"];
const FULL_RELATIONS: readonly MappingRelationName[] = ["equal", "superset"];
const REVIEW_STATES: EvidenceReviewState[] = ["draft", "submitted", "accepted", "rejected"];
const ASSESSMENT_STATUSES: AssessmentStatusName[] = ["not_started", "in_progress", "covered", "partial", "gap", "not_applicable"];
const ORIGINS: AssessmentOriginName[] = ["manual", "derived", "remapped"];
const REMAP_STATUSES: RemapStatus[] = ["covered", "partial", "gap", "not_applicable"];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const clause = (id: string, code: string, conditions: number[] = []): RemapClause => ({ id, code, conditions });

const mapping = (from: string, to: string | null, relation: MappingRelationName = "equal", mappingSetId = ETSI_135, strength = 7): RemapMapping => ({
  id: `map:${from}->${to ?? "none"}@${mappingSetId}`,
  mappingSetId,
  sourceClauseId: from,
  targetClauseId: to,
  relation,
  strength,
});

function evidence(id: string, clauseIds: string[], overrides: Partial<RemapEvidence> = {}): RemapEvidence {
  return {
    id,
    title: `Evidence ${id}`,
    reviewState: "accepted",
    expiryDate: null,
    effectiveDate: null,
    firmwareDependent: false,
    firmwareScopes: [null],
    clauseIds,
    ...overrides,
  };
}

const profile = (answers: Partial<Record<keyof ApplicabilityProfile, boolean | null>>) => applicabilityProfileSchema.parse(answers);

interface World {
  targets: RemapClause[];
  sources: RemapClause[];
  mappings: RemapMapping[];
  maxDepth?: number;
}

const graphOf = (w: World) => new RemapGraph(...deepFreeze(structuredClone([w.targets, w.sources, w.mappings] as const)), w.maxDepth);

const inputOf = (overrides: Partial<RemapSkuInput> = {}): RemapSkuInput => ({
  evidence: [],
  profile: emptyProfile(),
  currentFirmwareId: CURRENT,
  today: TODAY,
  existing: [],
  ...overrides,
});

// Inputs are deep-frozen copies: any mutation by the engine throws.
function remap(w: World, overrides: Partial<RemapSkuInput> = {}): RemapProposal[] {
  return remapSku(graphOf(w), deepFreeze(structuredClone(inputOf(overrides))));
}

function remapOne(w: World, overrides: Partial<RemapSkuInput> = {}, clauseId = w.targets[0]!.id): RemapProposal {
  const found = remap(w, overrides).find((p) => p.clauseId === clauseId);
  expect(found, clauseId).toBeDefined();
  return found!;
}

// ---- A realistic chain: TS 103 701 test group -> EN 303 645 V3.1.3 -> V2.1.1 -> QCVN 135 -> QCVN 11. ----

const TSO = clause("ts701:TSO-5.1-1", "TSO 5.1-1");
const ETSI_V3 = clause("etsi-v3.1.3:5.1-1", "5.1-1");
const ETSI = clause("etsi-v2.1.1:5.1-1", "5.1-1");
const Q135 = clause("qcvn135:2.1.1", "2.1.1");
const Q11 = clause("qcvn11:HQ11-G01-01", "HQ11-G01-01");
// Each link leads from the clause to the next one, through the given mapping set.
const CHAIN = [
  { from: TSO, set: TS_V3 },
  { from: ETSI_V3, set: V3_V2 },
  { from: ETSI, set: ETSI_135 },
  { from: Q135, set: Q135_Q11 },
];

// The last relations.length links of CHAIN, ending at Q11; evidence is linked to the first clause.
function chainWorld(relations: readonly MappingRelationName[], maxDepth?: number) {
  const links = CHAIN.slice(CHAIN.length - relations.length);
  const path = [...links.map((l) => l.from), Q11];
  const mappings = links.map((l, i) => mapping(l.from.id, path[i + 1]!.id, relations[i]!, l.set));
  return { world: { targets: [Q11], sources: links.map((l) => l.from), mappings, maxDepth }, start: path[0]!, mappings };
}

const stepsOf = (p: RemapProposal) => p.explanation.paths.map((path) => path.steps.map((s) => s.mappingId));

describe("remapSku: one mapping", () => {
  it.each<{ relation: MappingRelationName; status: RemapStatus; grade: SupportGrade | null }>([
    { relation: "equal", status: "covered", grade: "full" },
    { relation: "superset", status: "covered", grade: "full" },
    { relation: "subset", status: "partial", grade: "partial" },
    { relation: "intersect", status: "partial", grade: "partial" },
    { relation: "not_related", status: "gap", grade: null },
  ])("$relation → $status", ({ relation, status, grade }) => {
    const m = mapping(Q135.id, Q11.id, relation, Q135_Q11, 7);
    const result = remapOne({ targets: [Q11], sources: [Q135], mappings: [m] }, { evidence: [evidence("ev-pentest", [Q135.id])] });
    expect(result).toEqual({
      clauseId: Q11.id,
      status,
      reason: null,
      explanation: {
        paths:
          grade === null
            ? []
            : [
                {
                  evidenceId: "ev-pentest",
                  evidenceTitle: "Evidence ev-pentest",
                  linkedClauseId: Q135.id,
                  steps: [{ mappingId: m.id, mappingSetId: Q135_Q11, fromClauseId: Q135.id, toClauseId: Q11.id, relation, strength: 7 }],
                  grade,
                },
              ],
        ignoredEvidence: [],
        unmetConditions: [],
        inheritedFrom: [],
      },
      // A not_related mapping leads nothing into the clause.
      retest: relation === "not_related" ? ["new_in_target"] : [],
      existing: null,
      merged: { status, origin: "remapped", changed: true },
      conflict: null,
    });
  });

  it("evidence linked to the target clause itself is full support with no steps", () => {
    const result = remapOne({ targets: [Q11], sources: [], mappings: [] }, { evidence: [evidence("ev-direct", [Q11.id])] });
    expect(result.status).toBe("covered");
    expect(result.explanation.paths).toEqual([{ evidenceId: "ev-direct", evidenceTitle: "Evidence ev-direct", linkedClauseId: Q11.id, steps: [], grade: "full" }]);
  });

  it("prefers the direct link when the same evidence is also linked to a source", () => {
    const w = { targets: [Q11], sources: [Q135], mappings: [mapping(Q135.id, Q11.id, "equal", Q135_Q11)] };
    const result = remapOne(w, { evidence: [evidence("ev", [Q135.id, Q11.id])] });
    expect(result.explanation.paths.map((p) => [p.linkedClauseId, p.steps.length])).toEqual([[Q11.id, 0]]);
  });

  it("without evidence every clause is a gap with an empty explanation", () => {
    const w = { targets: [Q11], sources: [Q135], mappings: [mapping(Q135.id, Q11.id)] };
    const result = remapOne(w);
    expect(result.status).toBe("gap");
    expect(result.explanation).toEqual({ paths: [], ignoredEvidence: [], unmetConditions: [], inheritedFrom: [] });
  });
});

describe("remapSku: chains are as strong as their weakest link", () => {
  const sequences = (n: number): MappingRelationName[][] => (n === 0 ? [[]] : sequences(n - 1).flatMap((s) => RELATIONS.map((r) => [...s, r])));

  it.each([1, 2, 3])("every combination of relations on a %i-step chain", (n) => {
    const all = sequences(n);
    for (const relations of all) {
      const { world, start, mappings } = chainWorld(relations);
      const result = remapOne(world, { evidence: [evidence("ev-report", [start.id])] });
      const expected: RemapStatus = relations.includes("not_related") ? "gap" : relations.every((r) => FULL_RELATIONS.includes(r)) ? "covered" : "partial";
      expect(result.status, relations.join(" > ")).toBe(expected);
      expect(stepsOf(result), relations.join(" > ")).toEqual(expected === "gap" ? [] : [mappings.map((m) => m.id)]);
    }
    expect(all).toHaveLength(5 ** n);
  });

  it("ETSI -> QCVN 135 -> QCVN 11 explains every step", () => {
    const { world } = chainWorld(["equal", "subset"]);
    const result = remapOne(world, { evidence: [evidence("ev-etsi-report", [ETSI.id], { title: "EN 303 645 test report" })] });
    expect(result.status).toBe("partial");
    expect(result.explanation.paths).toEqual([
      {
        evidenceId: "ev-etsi-report",
        evidenceTitle: "EN 303 645 test report",
        linkedClauseId: ETSI.id,
        steps: [
          { mappingId: `map:${ETSI.id}->${Q135.id}@${ETSI_135}`, mappingSetId: ETSI_135, fromClauseId: ETSI.id, toClauseId: Q135.id, relation: "equal", strength: 7 },
          { mappingId: `map:${Q135.id}->${Q11.id}@${Q135_Q11}`, mappingSetId: Q135_Q11, fromClauseId: Q135.id, toClauseId: Q11.id, relation: "subset", strength: 7 },
        ],
        grade: "partial",
      },
    ]);
  });

  it("evidence on a clause in the middle of the chain uses only the rest of it", () => {
    const { world } = chainWorld(["subset", "equal", "equal"]);
    expect(remapOne(world, { evidence: [evidence("ev", [ETSI.id])] }).status).toBe("covered");
    expect(remapOne(world, { evidence: [evidence("ev", [ETSI_V3.id])] }).status).toBe("partial");
  });
});

describe("remapSku: depth bound", () => {
  it.each<{ steps: number; maxDepth: number | undefined; status: RemapStatus }>([
    { steps: 3, maxDepth: undefined, status: "covered" },
    { steps: 4, maxDepth: undefined, status: "gap" },
    { steps: 4, maxDepth: 3, status: "gap" },
    { steps: 4, maxDepth: 4, status: "covered" },
    { steps: 4, maxDepth: 6, status: "covered" },
    { steps: 1, maxDepth: 1, status: "covered" },
    { steps: 2, maxDepth: 1, status: "gap" },
    { steps: 3, maxDepth: 2, status: "gap" },
  ])("a $steps-step chain with maxDepth $maxDepth → $status", ({ steps, maxDepth, status }) => {
    const { world, start } = chainWorld(Array<MappingRelationName>(steps).fill("equal"), maxDepth);
    const result = remapOne(world, { evidence: [evidence("ev", [start.id])] });
    expect(result.status).toBe(status);
    // Out of reach means out of the explanation too, even for evidence that does not count.
    const ignored = remapOne(world, { evidence: [evidence("ev", [start.id], { reviewState: "draft" })] });
    expect(ignored.explanation.ignoredEvidence.map((e) => e.id)).toEqual(status === "gap" ? [] : ["ev"]);
  });

  it("defaults to 3", () => {
    expect(DEFAULT_MAX_DEPTH).toBe(3);
    expect(new RemapGraph([Q11], [], []).maxDepth).toBe(3);
  });

  it.each([0, 7, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects maxDepth %s", (maxDepth) => {
    expect(() => new RemapGraph([Q11], [], [], maxDepth)).toThrow(/maxDepth must be 1\.\.6/);
  });

  it.each([1, 6])("accepts maxDepth %i", (maxDepth) => {
    expect(new RemapGraph([Q11], [], [], maxDepth).maxDepth).toBe(maxDepth);
  });
});

describe("remapSku: mapping graph shape", () => {
  const A = clause("qcvn135:2.3.1", "2.3.1");
  const B = clause("etsi-v2.1.1:5.3-1", "5.3-1");
  const T = clause("qcvn11:HQ11-G03-01", "HQ11-G03-01");
  const T2 = clause("qcvn11:HQ11-G03-02", "HQ11-G03-02");

  it("cycles do not loop and do not hide the way out", () => {
    const w = {
      targets: [T, T2],
      sources: [A, B],
      mappings: [mapping(A.id, B.id, "equal"), mapping(B.id, A.id, "equal"), mapping(B.id, T.id, "equal"), mapping(T.id, A.id, "equal"), mapping(T.id, T2.id, "subset"), mapping(T2.id, T.id, "equal")],
    };
    const results = remap(w, { evidence: [evidence("ev", [A.id])] });
    expect(results.map((r) => [r.status, stepsOf(r)[0]?.length])).toEqual([
      ["covered", 2],
      ["partial", 3],
    ]);
  });

  it("a mapping from a clause to itself is ignored", () => {
    const w = { targets: [T], sources: [A], mappings: [mapping(A.id, A.id, "equal"), mapping(T.id, T.id, "equal")] };
    const result = remapOne(w, { evidence: [evidence("ev", [A.id])] });
    expect(result.status).toBe("gap");
    expect(result.retest).toEqual(["new_in_target"]);
  });

  it("mappings without a target and not_related mappings carry nothing, even in a chain", () => {
    const w = {
      targets: [T],
      sources: [A, B],
      mappings: [mapping(B.id, null, "equal"), mapping(B.id, A.id, "not_related"), mapping(A.id, T.id, "equal"), mapping(B.id, T.id, "not_related")],
    };
    expect(remapOne(w, { evidence: [evidence("ev", [B.id])] }).status).toBe("gap");
    expect(remapOne(w, { evidence: [evidence("ev", [A.id])] }).status).toBe("covered");
  });

  it("ignores links to clauses the graph does not know", () => {
    const w = { targets: [T], sources: [A], mappings: [mapping(A.id, T.id)] };
    const result = remapOne(w, { evidence: [evidence("ev", ["qcvn135:9.9.9"]), evidence("ev-2", ["qcvn135:9.9.9", A.id])] });
    expect(result.explanation.paths.map((p) => p.evidenceId)).toEqual(["ev-2"]);
  });

  it("lists evidence linked to the same clause twice once", () => {
    const w = { targets: [T], sources: [A], mappings: [mapping(A.id, T.id)] };
    const result = remapOne(w, { evidence: [evidence("ev", [A.id, A.id], { firmwareScopes: [null, null] })] });
    expect(result.explanation.paths).toHaveLength(1);
  });

  it("returns one proposal per target clause, in graph.targetClauses order", () => {
    const targets = [clause("qcvn11:HQ11-G05-02", "HQ11-G05-02"), clause("qcvn11:HQ11-G01-01", "HQ11-G01-01"), clause("qcvn11:HQ11-G03-07", "HQ11-G03-07")];
    const results = remap({ targets, sources: [], mappings: [] }, { evidence: [evidence("ev", [targets[2]!.id])] });
    expect(results.map((r) => [r.clauseId, r.status])).toEqual([
      [targets[0]!.id, "gap"],
      [targets[1]!.id, "gap"],
      [targets[2]!.id, "covered"],
    ]);
    expect(remap({ targets: [], sources: [A], mappings: [] }, { evidence: [evidence("ev", [A.id])] })).toEqual([]);
  });
});

describe("remapSku: several sources", () => {
  const S1 = clause("qcvn135:2.5.1", "2.5.1");
  const S2 = clause("etsi-v2.1.1:5.5-1", "5.5-1");
  const S3 = clause("ts701:TSO-5.5-1", "TSO 5.5-1");
  const T = clause("qcvn11:HQ11-G05-01", "HQ11-G05-01");
  const w = {
    targets: [T],
    sources: [S1, S2, S3],
    mappings: [mapping(S1.id, T.id, "subset", Q135_Q11), mapping(S2.id, T.id, "intersect", ETSI_Q11), mapping(S3.id, T.id, "superset", TS_V3)],
  };

  it("two partial sources stay partial", () => {
    const result = remapOne(w, { evidence: [evidence("ev-1", [S1.id]), evidence("ev-2", [S2.id])] });
    expect(result.status).toBe("partial");
    expect(result.explanation.paths.map((p) => [p.evidenceId, p.grade])).toEqual([
      ["ev-2", "partial"],
      ["ev-1", "partial"],
    ]);
  });

  it("one piece of evidence on both partial sources stays partial", () => {
    expect(remapOne(w, { evidence: [evidence("ev", [S1.id, S2.id])] }).status).toBe("partial");
  });

  it("a full mapping from another source makes it covered", () => {
    const result = remapOne(w, { evidence: [evidence("ev-1", [S1.id]), evidence("ev-2", [S2.id]), evidence("ev-3", [S3.id])] });
    expect(result.status).toBe("covered");
    expect(result.explanation.paths.map((p) => [p.evidenceId, p.grade])).toEqual([
      ["ev-3", "full"],
      ["ev-2", "partial"],
      ["ev-1", "partial"],
    ]);
  });
});

describe("remapSku: explanation path choice", () => {
  const S = clause("etsi-v2.1.1:5.3-2", "5.3-2");
  const M = clause("qcvn135:2.3.2", "2.3.2");
  const N = clause("qcvn135:2.3.3", "2.3.3");
  const T = clause("qcvn11:HQ11-G03-02", "HQ11-G03-02");

  it("a full path beats a shorter partial one", () => {
    const w = { targets: [T], sources: [S, M, N], mappings: [mapping(S.id, T.id, "subset"), mapping(S.id, M.id, "equal"), mapping(M.id, N.id, "superset"), mapping(N.id, T.id, "equal")] };
    const result = remapOne(w, { evidence: [evidence("ev", [S.id])] });
    expect(result.status).toBe("covered");
    expect(result.explanation.paths.map((p) => [p.grade, p.steps.map((s) => s.toClauseId)])).toEqual([["full", [M.id, N.id, T.id]]]);
  });

  it("a shorter path beats a longer one of the same grade", () => {
    const w = { targets: [T], sources: [S, M], mappings: [mapping(S.id, M.id, "equal"), mapping(M.id, T.id, "equal"), mapping(S.id, T.id, "superset")] };
    expect(stepsOf(remapOne(w, { evidence: [evidence("ev", [S.id])] }))).toEqual([[`map:${S.id}->${T.id}@${ETSI_135}`]]);
  });

  it("ties are broken by mapping id, whatever the order of mappings, links and evidence", () => {
    const viaM = { ...mapping(M.id, T.id, "equal"), id: "map-b" };
    const viaN = { ...mapping(N.id, T.id, "equal"), id: "map-a" };
    const expected = [[{ linkedClauseId: N.id, mappingId: "map-a" }]];
    for (const mappings of [[viaM, viaN], [viaN, viaM]]) {
      for (const clauseIds of [[M.id, N.id], [N.id, M.id]]) {
        const result = remapOne({ targets: [T], sources: [M, N], mappings }, { evidence: [evidence("ev", clauseIds)] });
        expect(result.explanation.paths.map((p) => p.steps.map((s) => ({ linkedClauseId: p.linkedClauseId, mappingId: s.mappingId })))).toEqual(expected);
      }
    }
  });

  it("orders paths best first: full, then shorter, then by mapping id, then by evidence id", () => {
    const w = {
      targets: [T],
      sources: [S, M, N],
      mappings: [{ ...mapping(S.id, T.id, "subset"), id: "m1" }, { ...mapping(M.id, T.id, "equal"), id: "m3" }, { ...mapping(N.id, M.id, "equal"), id: "m2" }, { ...mapping(N.id, T.id, "intersect"), id: "m0" }],
    };
    const list = [evidence("ev-e", [S.id]), evidence("ev-d", [N.id]), evidence("ev-c", [M.id]), evidence("ev-b", [M.id]), evidence("ev-a", [T.id])];
    const result = remapOne(w, { evidence: list });
    expect(result.explanation.paths.map((p) => [p.evidenceId, p.grade, p.steps.map((s) => s.mappingId).join(">")])).toEqual([
      ["ev-a", "full", ""],
      ["ev-b", "full", "m3"],
      ["ev-c", "full", "m3"],
      ["ev-d", "full", "m2>m3"],
      ["ev-e", "partial", "m1"],
    ]);
    expect(remapOne(w, { evidence: [...list].reverse() })).toEqual(result);
  });
});

describe("remapSku: evidence that does not count", () => {
  const S = clause("qcvn135:2.2.1", "2.2.1");
  const T = clause("qcvn11:HQ11-G02-01", "HQ11-G02-01");
  const w = { targets: [T], sources: [S], mappings: [mapping(S.id, T.id, "equal", Q135_Q11)] };

  it.each<{ name: string; e: Partial<RemapEvidence>; firmware?: string | null; verdict: EvidenceVerdict }>([
    { name: "accepted, never expires", e: {}, verdict: "counts" },
    { name: "accepted, expires today (valid through that day)", e: { expiryDate: TODAY }, verdict: "counts" },
    { name: "accepted, expired yesterday", e: { expiryDate: YESTERDAY }, verdict: "expired" },
    { name: "draft", e: { reviewState: "draft" }, verdict: "pending_review" },
    { name: "submitted", e: { reviewState: "submitted" }, verdict: "pending_review" },
    { name: "rejected", e: { reviewState: "rejected" }, verdict: "rejected" },
    { name: "firmware-dependent, only at another firmware", e: { firmwareDependent: true, firmwareScopes: [OLD] }, verdict: "other_firmware" },
    { name: "firmware-dependent, at the current firmware", e: { firmwareDependent: true, firmwareScopes: [OLD, CURRENT] }, verdict: "counts" },
    { name: "firmware-dependent, all firmware", e: { firmwareDependent: true, firmwareScopes: [null] }, verdict: "counts" },
    { name: "not firmware-dependent, only at another firmware", e: { firmwareScopes: [OLD] }, verdict: "counts" },
    { name: "no firmware registered, firmware-dependent at a firmware", e: { firmwareDependent: true, firmwareScopes: [OLD] }, firmware: null, verdict: "other_firmware" },
  ])("$name → $verdict", ({ e, firmware, verdict }) => {
    const currentFirmwareId = firmware === undefined ? CURRENT : firmware;
    for (const linked of [S.id, T.id]) {
      const result = remapOne(w, { evidence: [evidence("ev", [linked], e)], currentFirmwareId });
      const counts = verdict === "counts";
      expect(result.status).toBe(counts ? "covered" : "gap");
      expect(result.explanation.paths.map((p) => p.evidenceId)).toEqual(counts ? ["ev"] : []);
      expect(result.explanation.ignoredEvidence).toEqual(counts ? [] : [{ id: "ev", title: "Evidence ev", verdict }]);
    }
  });

  it("lists ignored evidence reached through partial mappings, sorted by id, and not the evidence that counts", () => {
    const S2 = clause("etsi-v2.1.1:5.2-1", "5.2-1");
    const w2 = { ...w, sources: [S, S2], mappings: [...w.mappings, mapping(S2.id, T.id, "intersect", ETSI_Q11)] };
    const result = remapOne(w2, {
      evidence: [evidence("ev-z", [S2.id], { reviewState: "rejected" }), evidence("ev-a", [S2.id], { expiryDate: YESTERDAY }), evidence("ev-ok", [S.id])],
    });
    expect(result.status).toBe("covered");
    expect(result.explanation.ignoredEvidence).toEqual([
      { id: "ev-a", title: "Evidence ev-a", verdict: "expired" },
      { id: "ev-z", title: "Evidence ev-z", verdict: "rejected" },
    ]);
  });
});

describe("remapSku: applicability", () => {
  // Real shape: QCVN 11 HQ11-G01-01 has equal sources ETSI 5.1-1 (condition 1) and QCVN 135 2.1.1 (no conditions).
  const ETSI_PW = clause("etsi-v2.1.1:5.1-1", "5.1-1", [1]);
  const ETSI_PRE = clause("etsi-v2.1.1:5.1-2", "5.1-2", [2]);
  const ETSI_UPD = clause("etsi-v2.1.1:5.3-13", "5.3-13", [9, 12]);
  const ETSI_SMALL = clause("etsi-v2.1.1:5.3-11", "5.3-11", [5]);
  const Q135_PW = clause("qcvn135:2.1.1", "2.1.1");
  const T = clause("qcvn11:HQ11-G01-01", "HQ11-G01-01");
  const ALL_SOURCES = [ETSI_PW, ETSI_PRE, ETSI_UPD, ETSI_SMALL, Q135_PW];
  const pwReason = 'Not applicable: condition 1 ("Passwords are used") does not hold.';

  it.each<{ name: string; conditions: number[]; answers: Partial<Record<keyof ApplicabilityProfile, boolean | null>>; unmet: number[] }>([
    { name: "unconditional", conditions: [], answers: {}, unmet: [] },
    { name: "own condition unknown (never n/a)", conditions: [1], answers: {}, unmet: [] },
    { name: "own condition holds", conditions: [1], answers: { passwordsUsed: true }, unmet: [] },
    { name: "own condition does not hold", conditions: [1], answers: { passwordsUsed: false }, unmet: [1] },
    { name: "one of two does not hold, the other unknown", conditions: [12, 9], answers: { automaticUpdates: false }, unmet: [9] },
    { name: "condition 5 on a constrained device", conditions: [5], answers: { constrainedDevice: true }, unmet: [5] },
    { name: "condition 5 on an unconstrained device", conditions: [5], answers: { constrainedDevice: false }, unmet: [] },
    { name: "condition 5 with constraint unknown", conditions: [5], answers: {}, unmet: [] },
    { name: "a condition listed twice", conditions: [9, 9], answers: { automaticUpdates: false }, unmet: [9] },
  ])("own conditions: $name", ({ conditions, answers, unmet }) => {
    const own = { ...T, conditions };
    const result = remapOne({ targets: [own], sources: [], mappings: [] }, { profile: profile(answers), evidence: [evidence("ev", [T.id])] });
    expect(result.status).toBe(unmet.length > 0 ? "not_applicable" : "covered");
    expect(result.reason).toBe(unmet.length > 0 ? notApplicableReason(unmet) : null);
    expect(result.explanation.unmetConditions).toEqual(unmet);
    expect(result.explanation.inheritedFrom).toEqual([]);
    // Not applicable wins over evidence, which stays in the explanation.
    expect(result.explanation.paths.map((p) => p.evidenceId)).toEqual(["ev"]);
  });

  it.each<{
    name: string;
    mappings: RemapMapping[];
    answers: Partial<Record<keyof ApplicabilityProfile, boolean | null>>;
    inheritedFrom: RemapClause[];
    unmet?: number[];
    reason?: string;
    own?: number[];
  }>([
    { name: "one conditional equal source, condition false", mappings: [mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false }, inheritedFrom: [ETSI_PW], unmet: [1], reason: `${pwReason} (inherited from 5.1-1)` },
    { name: "one conditional equal source, condition unknown", mappings: [mapping(ETSI_PW.id, T.id)], answers: {}, inheritedFrom: [] },
    { name: "one conditional equal source, condition holds", mappings: [mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: true }, inheritedFrom: [] },
    {
      name: "two conditional equal sources, both false",
      mappings: [mapping(ETSI_PRE.id, T.id), mapping(ETSI_PW.id, T.id)],
      answers: { passwordsUsed: false, preInstalledPasswords: false },
      inheritedFrom: [ETSI_PW, ETSI_PRE],
      unmet: [1, 2],
      reason: 'Not applicable: conditions 1 ("Passwords are used") and 2 ("Pre-installed passwords are used") do not hold. (inherited from 5.1-1, 5.1-2)',
    },
    { name: "two conditional equal sources, one false, one unknown", mappings: [mapping(ETSI_PRE.id, T.id), mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false }, inheritedFrom: [] },
    { name: "two conditional equal sources, one false, one holds", mappings: [mapping(ETSI_PRE.id, T.id), mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false, preInstalledPasswords: true }, inheritedFrom: [] },
    {
      name: "a source with one false and one unknown condition does not apply",
      mappings: [mapping(ETSI_UPD.id, T.id)],
      answers: { updateMechanism: false },
      inheritedFrom: [ETSI_UPD],
      unmet: [12],
      reason: 'Not applicable: condition 12 ("An update mechanism is implemented") does not hold. (inherited from 5.3-13)',
    },
    { name: "condition 5 on the source, constrained device", mappings: [mapping(ETSI_SMALL.id, T.id)], answers: { constrainedDevice: true }, inheritedFrom: [ETSI_SMALL], unmet: [5] },
    { name: "condition 5 on the source, unconstrained device", mappings: [mapping(ETSI_SMALL.id, T.id)], answers: { constrainedDevice: false }, inheritedFrom: [] },
    // Only sources with conditions are weighed: an unconditional one (QCVN 135 carries no conditions) does not keep it applicable.
    {
      name: "a conditional source that does not hold and an unconditional one",
      mappings: [mapping(ETSI_PW.id, T.id, "equal", ETSI_Q11), mapping(Q135_PW.id, T.id, "equal", Q135_Q11)],
      answers: { passwordsUsed: false },
      inheritedFrom: [ETSI_PW],
      unmet: [1],
    },
    { name: "only subset / superset / intersect sources are not inherited from", mappings: [mapping(ETSI_PW.id, T.id, "subset"), mapping(ETSI_PRE.id, T.id, "superset"), mapping(ETSI_UPD.id, T.id, "intersect")], answers: { passwordsUsed: false, preInstalledPasswords: false, automaticUpdates: false }, inheritedFrom: [] },
    { name: "a not_related source is not inherited from", mappings: [mapping(ETSI_PW.id, T.id, "not_related")], answers: { passwordsUsed: false }, inheritedFrom: [] },
    // Conditions are inherited from direct sources only, not through a chain.
    { name: "a conditional source two steps away", mappings: [mapping(ETSI_PW.id, Q135_PW.id, "equal"), mapping(Q135_PW.id, T.id, "equal", Q135_Q11)], answers: { passwordsUsed: false }, inheritedFrom: [] },
    { name: "the clause's own unmet conditions win (no inheritance reported)", mappings: [mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false, automaticUpdates: false }, own: [9], inheritedFrom: [], unmet: [9], reason: notApplicableReason([9]) },
    { name: "own conditions unknown, the source's false", mappings: [mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false }, own: [9], inheritedFrom: [ETSI_PW], unmet: [1] },
    // Current rule: the source's unmet condition wins even over own conditions that definitely hold.
    { name: "own conditions hold, the source's false", mappings: [mapping(ETSI_PW.id, T.id)], answers: { passwordsUsed: false, automaticUpdates: true }, own: [9], inheritedFrom: [ETSI_PW], unmet: [1] },
  ])("inherited: $name", ({ mappings, answers, inheritedFrom, unmet = [], reason, own = [] }) => {
    const target = { ...T, conditions: own };
    const w = { targets: [target], sources: ALL_SOURCES, mappings };
    const result = remapOne(w, { profile: profile(answers), evidence: [evidence("ev", [T.id])] });
    const na = unmet.length > 0;
    expect(result.status).toBe(na ? "not_applicable" : "covered");
    expect(result.explanation.inheritedFrom).toEqual(inheritedFrom.map((c) => c.id));
    expect(result.explanation.unmetConditions).toEqual(unmet);
    if (reason) expect(result.reason).toBe(reason);
    else if (inheritedFrom.length > 0) expect(result.reason).toBe(`${notApplicableReason(unmet)} (inherited from ${inheritedFrom.map((c) => c.code).join(", ")})`);
    else expect(result.reason === null).toBe(!na);
  });

  it("a conditional source that is itself a target clause is not inherited from", () => {
    const other = clause("qcvn11:HQ11-G01-02", "HQ11-G01-02", [1]);
    const result = remapOne({ targets: [T, other], sources: [], mappings: [mapping(other.id, T.id)] }, { profile: profile({ passwordsUsed: false }) });
    expect(result.status).toBe("gap");
  });

  it("a source given by two mapping sets is inherited from once", () => {
    const w = { targets: [T], sources: [ETSI_PW], mappings: [mapping(ETSI_PW.id, T.id, "equal", ETSI_Q11), mapping(ETSI_PW.id, T.id, "equal", ETSI_135)] };
    const result = remapOne(w, { profile: profile({ passwordsUsed: false }) });
    expect(result.explanation.inheritedFrom).toEqual([ETSI_PW.id]);
    expect(result.reason).toBe(`${pwReason} (inherited from 5.1-1)`);
  });

  it("matches conditionHolds for every answer to conditions 4, 5, 9 on two equal sources", () => {
    const values = [true, false, null] as const;
    const pool = [[4], [5], [9], [4, 9]];
    let checked = 0;
    for (const constrainedDevice of values) {
      for (const automaticUpdates of values) {
        const p = profile({ constrainedDevice, automaticUpdates });
        for (const a of pool) {
          for (const b of pool) {
            const sa = clause("etsi-v2.1.1:a", "A", a);
            const sb = clause("etsi-v2.1.1:b", "B", b);
            const result = remapOne({ targets: [T], sources: [sa, sb], mappings: [mapping(sa.id, T.id), mapping(sb.id, T.id)] }, { profile: p });
            const out = (conditions: number[]) => conditions.some((c) => conditionHolds(p, c) === false);
            expect(result.status, JSON.stringify({ p, a, b })).toBe(out(a) && out(b) ? "not_applicable" : "gap");
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(9 * 16);
  });
});

describe("remapSku: re-test flags", () => {
  const S = clause("qcvn135:2.4.1", "2.4.1");
  const T = clause("qcvn11:HQ11-G04-01", "HQ11-G04-01");
  const LOGS = clause("qcvn11:HQ11-G14-01", "HQ11-G14-01");

  it.each<{ name: string; mappings: RemapMapping[]; isNew: boolean }>([
    { name: "no mapping leads in", mappings: [], isNew: true },
    { name: "a mapping from a source leads in", mappings: [mapping(S.id, T.id, "intersect")], isNew: false },
    { name: "only a not_related mapping leads in", mappings: [mapping(S.id, T.id, "not_related")], isNew: true },
    { name: "only a mapping from another target clause leads in", mappings: [mapping(LOGS.id, T.id, "equal")], isNew: true },
    { name: "a mapping only leads out", mappings: [mapping(T.id, S.id, "equal")], isNew: true },
  ])("new_in_target: $name → $isNew", ({ mappings, isNew }) => {
    const result = remapOne({ targets: [T, LOGS], sources: [S], mappings });
    expect(result.retest).toEqual(isNew ? ["new_in_target"] : []);
  });

  it.each<{ name: string; e: Partial<RemapEvidence>; linked?: string; relation?: MappingRelationName; retestBefore: string | null | undefined; flagged: boolean }>([
    { name: "effective before the cutoff", e: { effectiveDate: "2025-12-31" }, retestBefore: "2026-01-01", flagged: true },
    { name: "effective on the cutoff", e: { effectiveDate: "2026-01-01" }, retestBefore: "2026-01-01", flagged: false },
    { name: "effective after the cutoff", e: { effectiveDate: "2026-02-01" }, retestBefore: "2026-01-01", flagged: false },
    { name: "no effective date", e: { effectiveDate: null }, retestBefore: "2026-01-01", flagged: false },
    { name: "no cutoff", e: { effectiveDate: "2020-01-01" }, retestBefore: null, flagged: false },
    { name: "cutoff not given", e: { effectiveDate: "2020-01-01" }, retestBefore: undefined, flagged: false },
    { name: "old partial support", e: { effectiveDate: "2025-12-31" }, relation: "subset", retestBefore: "2026-01-01", flagged: true },
    { name: "old evidence linked directly", e: { effectiveDate: "2025-12-31" }, linked: T.id, retestBefore: "2026-01-01", flagged: true },
    { name: "old evidence that does not count", e: { effectiveDate: "2025-12-31", reviewState: "rejected" }, retestBefore: "2026-01-01", flagged: false },
  ])("evidence_before_cutoff: $name → $flagged", ({ e, linked = S.id, relation = "equal", retestBefore, flagged }) => {
    const w = { targets: [T], sources: [S], mappings: [mapping(S.id, T.id, relation)] };
    const result = remapOne(w, { evidence: [evidence("ev", [linked], e)], ...(retestBefore === undefined ? {} : { retestBefore }) });
    expect(result.retest).toEqual(flagged ? ["evidence_before_cutoff"] : []);
  });

  it("flags both, new_in_target first", () => {
    const result = remapOne({ targets: [T], sources: [], mappings: [] }, { evidence: [evidence("ev", [T.id], { effectiveDate: "2024-05-01" })], retestBefore: "2026-01-01" });
    expect(result.retest).toEqual(["new_in_target", "evidence_before_cutoff"]);
  });
});

describe("remapSku: merging with existing assessments", () => {
  // One clause whose proposal is chosen by the input: evidence through equal / subset mappings, none, or its own condition 9.
  const FULL = clause("etsi-v2.1.1:5.6-1", "5.6-1");
  const PART = clause("qcvn135:2.6.1", "2.6.1");
  const T = clause("qcvn11:HQ11-G06-01", "HQ11-G06-01", [9]);
  const w = { targets: [T], sources: [FULL, PART], mappings: [mapping(FULL.id, T.id, "equal", ETSI_Q11), mapping(PART.id, T.id, "subset", Q135_Q11)] };
  const inputFor = (proposal: RemapStatus, existing: ExistingAssessment | null): Partial<RemapSkuInput> => ({
    evidence: proposal === "covered" ? [evidence("ev", [FULL.id])] : proposal === "partial" ? [evidence("ev", [PART.id])] : [],
    profile: profile({ automaticUpdates: proposal === "not_applicable" ? false : true }),
    existing: existing ? [existing] : [],
  });

  type Row = { existing: [AssessmentStatusName, AssessmentOriginName] | null; proposal: RemapStatus; merged: [AssessmentStatusName, AssessmentOriginName]; changed: boolean; conflict: boolean };
  const rows: Row[] = [
    // A manual decision is kept; a different proposal is a conflict.
    ...ASSESSMENT_STATUSES.flatMap((s) => REMAP_STATUSES.map((proposal): Row => ({ existing: [s, "manual"], proposal, merged: [s, "manual"], changed: false, conflict: s !== proposal }))),
    // Derived (direct evidence) and remapped are both automated: the worse wins, the origin says which.
    { existing: ["covered", "derived"], proposal: "covered", merged: ["covered", "derived"], changed: false, conflict: false },
    { existing: ["covered", "derived"], proposal: "partial", merged: ["partial", "remapped"], changed: true, conflict: false },
    { existing: ["covered", "derived"], proposal: "gap", merged: ["gap", "remapped"], changed: true, conflict: false },
    { existing: ["partial", "derived"], proposal: "covered", merged: ["partial", "derived"], changed: false, conflict: false },
    { existing: ["partial", "derived"], proposal: "partial", merged: ["partial", "derived"], changed: false, conflict: false },
    { existing: ["partial", "derived"], proposal: "gap", merged: ["gap", "remapped"], changed: true, conflict: false },
    { existing: ["gap", "derived"], proposal: "covered", merged: ["gap", "derived"], changed: false, conflict: false },
    { existing: ["gap", "derived"], proposal: "partial", merged: ["gap", "derived"], changed: false, conflict: false },
    { existing: ["gap", "derived"], proposal: "gap", merged: ["gap", "derived"], changed: false, conflict: false },
    // Not applicable is outside the order: the proposal's applicability wins.
    { existing: ["covered", "derived"], proposal: "not_applicable", merged: ["not_applicable", "remapped"], changed: true, conflict: false },
    { existing: ["partial", "derived"], proposal: "not_applicable", merged: ["not_applicable", "remapped"], changed: true, conflict: false },
    { existing: ["gap", "derived"], proposal: "not_applicable", merged: ["not_applicable", "remapped"], changed: true, conflict: false },
    // Evidence under review is not turned into a gap, but better support replaces it.
    { existing: ["in_progress", "derived"], proposal: "gap", merged: ["in_progress", "derived"], changed: false, conflict: false },
    { existing: ["in_progress", "derived"], proposal: "partial", merged: ["partial", "remapped"], changed: true, conflict: false },
    { existing: ["in_progress", "derived"], proposal: "covered", merged: ["covered", "remapped"], changed: true, conflict: false },
    { existing: ["in_progress", "derived"], proposal: "not_applicable", merged: ["not_applicable", "remapped"], changed: true, conflict: false },
    ...REMAP_STATUSES.map((proposal): Row => ({ existing: ["not_started", "derived"], proposal, merged: [proposal, "remapped"], changed: true, conflict: false })),
    // A derived n/a that the proposal agrees with stays as it is (nothing to write); otherwise the proposal wins.
    ...REMAP_STATUSES.map((proposal): Row =>
      proposal === "not_applicable"
        ? { existing: ["not_applicable", "derived"], proposal, merged: ["not_applicable", "derived"], changed: false, conflict: false }
        : { existing: ["not_applicable", "derived"], proposal, merged: [proposal, "remapped"], changed: true, conflict: false },
    ),
    // A previous re-mapping is simply replaced.
    ...ASSESSMENT_STATUSES.flatMap((s) => REMAP_STATUSES.map((proposal): Row => ({ existing: [s, "remapped"], proposal, merged: [proposal, "remapped"], changed: s !== proposal, conflict: false }))),
    ...REMAP_STATUSES.map((proposal): Row => ({ existing: null, proposal, merged: [proposal, "remapped"], changed: true, conflict: false })),
  ];

  it("covers every combination of existing assessment and proposal once", () => {
    const keys = rows.map((r) => `${r.existing?.join("/") ?? "none"} + ${r.proposal}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength((ASSESSMENT_STATUSES.length * ORIGINS.length + 1) * REMAP_STATUSES.length);
  });

  it.each(rows.map((r) => ({ ...r, key: `${r.existing?.join("/") ?? "none"} + ${r.proposal}` })))("$key → $merged", ({ existing, proposal, merged, changed, conflict }) => {
    const row = existing ? { clauseId: T.id, status: existing[0], origin: existing[1] } : null;
    const result = remapOne(w, inputFor(proposal, row));
    expect(result.status).toBe(proposal);
    expect(result.existing).toEqual(row);
    expect(result.merged).toEqual({ status: merged[0], origin: merged[1], changed });
    expect(result.conflict).toEqual(conflict ? { manualStatus: existing![0], proposedStatus: proposal } : null);
  });

  it("reads existing assessments by clause, ignoring those of other clauses", () => {
    const result = remapOne(w, { ...inputFor("gap", null), existing: [{ clauseId: "qcvn11:HQ11-G06-02", status: "covered", origin: "manual" }] });
    expect(result.existing).toBeNull();
    expect(result.merged).toEqual({ status: "gap", origin: "remapped", changed: true });
  });
});

describe("remapSku: results are fresh objects", () => {
  it("mutating one SKU's proposals does not affect the next SKU of the same graph", () => {
    const { world } = chainWorld(["equal", "equal"]);
    const graph = graphOf(world);
    const input = deepFreeze(inputOf({ evidence: [evidence("ev", [ETSI.id])] }));
    const expected = remapSku(graphOf(world), input);
    const first = remapSku(graph, input);
    first[0]!.explanation.paths[0]!.steps[0]!.relation = "not_related";
    first[0]!.explanation.paths[0]!.steps.pop();
    expect(remapSku(graph, input)).toEqual(expected);
  });
});

// ---- Properties over generated small worlds. ----

const FC_PARAMS = { seed: 20261123, numRuns: 300 } as const;
const LAYERS = [
  { prefix: "qcvn11", code: "HQ11-G" },
  { prefix: "qcvn135", code: "2." },
  { prefix: "etsi-v2.1.1", code: "5." },
  { prefix: "ts701", code: "TSO 5." },
];
const SETS = [Q135_Q11, ETSI_135, ETSI_Q11, TS_V3];
const CONDITION_POOL = [1, 4, 5, 9];
const STATUS_RANK: Record<"gap" | "partial" | "covered", number> = { gap: 0, partial: 1, covered: 2 };

interface GeneratedWorld extends World {
  maxDepth: number;
  input: RemapSkuInput;
}

const conditionsArb = fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.subarray(CONDITION_POOL, { minLength: 1 }) });
const answerArb = fc.constantFrom(true, false, null);

function worldArb(): fc.Arbitrary<GeneratedWorld> {
  const layersArb = fc.constantFrom(2, 3, 4, 4).chain((n) => fc.array(fc.array(conditionsArb, { minLength: 1, maxLength: 8 }), { minLength: n, maxLength: n }));
  return layersArb.chain((layers) => {
    const byLayer = layers.map((layer, l) => layer.map((conditions, i) => clause(`${LAYERS[l]!.prefix}:${i + 1}`, `${LAYERS[l]!.code}${i + 1}`, conditions)));
    const all = byLayer.flat();
    const idIn = (l: number) => fc.constantFrom(...byLayer[l]!.map((c) => c.id));
    const anyId = fc.constantFrom(...all.map((c) => c.id));
    const link = { relation: fc.constantFrom(...RELATIONS), mappingSetId: fc.constantFrom(...SETS), strength: fc.integer({ min: 0, max: 9 }) };
    // A chain from some layer down to the target catalog, one clause per layer.
    const chainArb = fc
      .integer({ min: 1, max: layers.length - 1 })
      .chain((top) => fc.tuple(fc.tuple(...Array.from({ length: top + 1 }, (_, i) => idIn(top - i))), fc.array(fc.record(link), { minLength: top, maxLength: top })))
      .map(([ids, links]) => links.map((l, i) => ({ sourceClauseId: ids[i]!, targetClauseId: ids[i + 1]! as string | null, ...l })));
    // Any pair: cycles, self-loops, reverse links, shortcuts, no target.
    const anyArb = fc.record({ sourceClauseId: anyId, targetClauseId: fc.option(anyId, { freq: 6 }), ...link });
    const evidenceArb = fc.record({
      reviewState: fc.oneof(fc.constant<EvidenceReviewState>("accepted"), fc.constantFrom(...REVIEW_STATES)),
      expiryDate: fc.constantFrom(null, YESTERDAY, TODAY, TOMORROW),
      effectiveDate: fc.constantFrom(null, "2025-03-01", "2026-09-01"),
      firmwareDependent: fc.boolean(),
      firmwareScopes: fc.subarray<string | null>([null, CURRENT, OLD]),
      // Often the deepest layer, where the longest chains start.
      clauseIds: fc.array(fc.oneof(fc.constantFrom(...all.map((c) => c.id), "qcvn135:unknown"), idIn(layers.length - 1)), { minLength: 1, maxLength: 3 }),
    });
    const existingArb = fc.record({ status: fc.constantFrom(...ASSESSMENT_STATUSES), origin: fc.constantFrom(...ORIGINS) });
    return fc
      .record({
        chains: fc.array(chainArb, { maxLength: 6 }),
        extra: fc.array(anyArb, { maxLength: 8 }),
        // The same pair again in another mapping set, possibly with another relation.
        copies: fc.array(fc.record({ of: fc.nat(), relation: link.relation, mappingSetId: link.mappingSetId }), { maxLength: 3 }),
        evidence: fc.array(evidenceArb, { maxLength: 6 }),
        answers: fc.record({ passwordsUsed: answerArb, constrainedDevice: answerArb, automaticUpdates: answerArb }),
        currentFirmwareId: fc.constantFrom<string | null>(CURRENT, null),
        existing: fc.array(fc.option(existingArb, { freq: 2 }), { minLength: byLayer[0]!.length, maxLength: byLayer[0]!.length }),
        maxDepth: fc.oneof(fc.constant(DEFAULT_MAX_DEPTH), fc.integer({ min: 1, max: 4 })),
        retestBefore: fc.constantFrom(null, "2026-01-01"),
      })
      .map((r): GeneratedWorld => {
        const mappings = [...r.chains.flat(), ...r.extra];
        const copies = mappings.length > 0 ? r.copies.map((c) => ({ ...mappings[c.of % mappings.length]!, relation: c.relation, mappingSetId: c.mappingSetId })) : [];
        return {
          targets: byLayer[0]!,
          sources: byLayer.slice(1).flat(),
          mappings: [...mappings, ...copies].map((m, i) => ({ id: `m${String(i).padStart(2, "0")}`, ...m })),
          maxDepth: r.maxDepth,
          input: {
            evidence: r.evidence.map((e, i) => ({ id: `ev-${i}`, title: `Report ${i}`, ...e })),
            profile: profile(r.answers),
            currentFirmwareId: r.currentFirmwareId,
            today: TODAY,
            existing: r.existing.flatMap((e, i) => (e ? [{ clauseId: byLayer[0]![i]!.id, ...e }] : [])),
            retestBefore: r.retestBefore,
          },
        };
      });
  });
}

const run = (w: World, input: RemapSkuInput) => remapSku(graphOf(w), deepFreeze(structuredClone(input)));

const verdictOf = (e: RemapEvidence, input: RemapSkuInput) => evidenceVerdict({ ...e, firmwareScopes: new Set(e.firmwareScopes) }, input.currentFirmwareId, input.today);

// Shortest number of steps from `from` to every clause, over usable mappings (full ones only if asked).
function distances(w: World, from: string, fullOnly: boolean): Map<string, number> {
  const usable = w.mappings.filter((m) => m.targetClauseId !== null && m.relation !== "not_related" && (!fullOnly || FULL_RELATIONS.includes(m.relation)));
  const dist = new Map([[from, 0]]);
  for (let frontier = [from], d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const m of usable) {
      if (frontier.includes(m.sourceClauseId) && !dist.has(m.targetClauseId!)) {
        dist.set(m.targetClauseId!, d);
        next.push(m.targetClauseId!);
      }
    }
    frontier = next;
  }
  return dist;
}

// An independent statement of the rules (breadth-first search instead of the engine's memoised walk).
function oracle(w: GeneratedWorld) {
  const { input, maxDepth } = w;
  const targetIds = new Set(w.targets.map((t) => t.id));
  const known = new Map([...w.sources, ...w.targets].map((c) => [c.id, c]));
  const unmetOf = (c: RemapClause) => c.conditions.filter((n) => conditionHolds(input.profile, n) === false);
  return w.targets.map((t) => {
    // For each evidence that reaches t: its best grade and the fewest steps at that grade.
    const best = new Map<string, { grade: SupportGrade; length: number; verdict: EvidenceVerdict; effectiveDate: string | null }>();
    for (const e of input.evidence) {
      let full = Infinity;
      let any = Infinity;
      for (const linked of new Set(e.clauseIds)) {
        full = Math.min(full, distances(w, linked, true).get(t.id) ?? Infinity);
        any = Math.min(any, distances(w, linked, false).get(t.id) ?? Infinity);
      }
      const verdict = verdictOf(e, input);
      if (full <= maxDepth) best.set(e.id, { grade: "full", length: full, verdict, effectiveDate: e.effectiveDate });
      else if (any <= maxDepth) best.set(e.id, { grade: "partial", length: any, verdict, effectiveDate: e.effectiveDate });
    }
    const counting = [...best.entries()].filter(([, b]) => b.verdict === "counts");
    const sources = w.mappings
      .filter((m) => m.targetClauseId === t.id && m.relation === "equal" && m.sourceClauseId !== t.id && !targetIds.has(m.sourceClauseId))
      .map((m) => known.get(m.sourceClauseId))
      .filter((c): c is RemapClause => c !== undefined && c.conditions.length > 0);
    const inherited = unmetOf(t).length === 0 && sources.length > 0 && sources.every((s) => unmetOf(s).length > 0);
    const status: RemapStatus =
      unmetOf(t).length > 0 || inherited ? "not_applicable" : counting.some(([, b]) => b.grade === "full") ? "covered" : counting.length > 0 ? "partial" : "gap";
    const isNew = !w.mappings.some((m) => m.targetClauseId === t.id && m.relation !== "not_related" && m.sourceClauseId !== t.id && !targetIds.has(m.sourceClauseId));
    const old = !!input.retestBefore && counting.some(([, b]) => b.effectiveDate !== null && b.effectiveDate < input.retestBefore!);
    return {
      clauseId: t.id,
      status,
      inheritedFrom: inherited ? [...new Set(sources.map((s) => s.id))].sort() : [],
      counting: new Map(counting.map(([id, b]) => [id, { grade: b.grade, length: b.length }])),
      ignored: [...best.entries()].filter(([, b]) => b.verdict !== "counts").map(([id, b]) => ({ id, verdict: b.verdict })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      retest: [...(isNew ? ["new_in_target"] : []), ...(old ? ["evidence_before_cutoff"] : [])],
    };
  });
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

// Merged statuses in progress order. not_started only ever comes from a manual decision (kept as is), and
// gap <-> in_progress never happens without the existing assessment changing, so both share a rank.
const MERGED_RANK: Record<Exclude<AssessmentStatusName, "not_applicable">, number> = { not_started: 0, gap: 1, in_progress: 1, partial: 2, covered: 3 };

// Compares one clause before and after a change that should not lower (sign 1) or raise (sign -1) anything.
function expectNoWorse(before: RemapProposal, after: RemapProposal, sign: 1 | -1) {
  if (before.status === "not_applicable" || after.status === "not_applicable") return;
  expect(sign * (STATUS_RANK[after.status] - STATUS_RANK[before.status]), before.clauseId).toBeGreaterThanOrEqual(0);
  const [b, a] = [before.merged.status, after.merged.status];
  if (b === "not_applicable" || a === "not_applicable") {
    expect(a, before.clauseId).toBe(b);
    return;
  }
  expect(sign * (MERGED_RANK[a] - MERGED_RANK[b]), `${before.clauseId}: ${b} -> ${a}`).toBeGreaterThanOrEqual(0);
  if (a !== b) expect([a, b].sort(), before.clauseId).not.toEqual(["gap", "in_progress"]);
}

describe("remapSku: properties (fast-check)", () => {
  it("matches an independent statement of the rules", () => {
    fc.assert(
      fc.property(worldArb(), (w) => {
        const results = run(w, w.input);
        const expected = oracle(w);
        expect(results.map((r) => r.clauseId)).toEqual(w.targets.map((t) => t.id));
        for (const [i, r] of results.entries()) {
          const o = expected[i]!;
          expect(r.status, r.clauseId).toBe(o.status);
          expect(r.explanation.inheritedFrom).toEqual(o.inheritedFrom);
          expect(r.retest).toEqual(o.retest);
          expect(r.explanation.ignoredEvidence.map((e) => ({ id: e.id, verdict: e.verdict }))).toEqual(o.ignored);
          // Each counting evidence that reaches the clause has exactly one path, the best one.
          expect(new Map(r.explanation.paths.map((p) => [p.evidenceId, { grade: p.grade, length: p.steps.length }]))).toEqual(o.counting);
          expect(r.explanation.paths).toHaveLength(o.counting.size);
        }
      }),
      FC_PARAMS,
    );
  });

  it("is deterministic and independent of the order of mappings, clauses, evidence, links and existing rows", () => {
    fc.assert(
      fc.property(worldArb(), fc.integer(), (w, seed) => {
        const expected = run(w, w.input);
        expect(run(w, w.input)).toEqual(expected);
        const shuffled: World = { ...w, mappings: shuffle(w.mappings, seed), sources: shuffle(w.sources, seed + 1) };
        const input: RemapSkuInput = {
          ...w.input,
          evidence: shuffle(w.input.evidence, seed + 2).map((e, i) => ({ ...e, clauseIds: shuffle(e.clauseIds, seed + i), firmwareScopes: shuffle(e.firmwareScopes, seed - i) })),
          existing: shuffle(w.input.existing, seed + 3),
        };
        expect(run(shuffled, input)).toEqual(expected);
        // One graph shared by several SKUs gives each the same answer as a graph of its own.
        const graph = graphOf(w);
        remapSku(graph, { ...w.input, evidence: [] });
        expect(remapSku(graph, w.input)).toEqual(expected);
      }),
      FC_PARAMS,
    );
  });

  it("is idempotent: applying the merged result and re-running changes nothing", () => {
    fc.assert(
      fc.property(worldArb(), (w) => {
        const first = run(w, w.input);
        const applied = first.map((p) => ({ clauseId: p.clauseId, status: p.merged.status, origin: p.merged.origin }));
        const second = run(w, { ...w.input, existing: applied });
        for (const [i, p] of second.entries()) {
          expect(p.merged, p.clauseId).toEqual({ status: first[i]!.merged.status, origin: first[i]!.merged.origin, changed: false });
          expect(p.status).toBe(first[i]!.status);
          // Conflicts stay visible until a reviewer resolves them.
          expect(p.conflict).toEqual(first[i]!.conflict);
        }
      }),
      FC_PARAMS,
    );
  });

  it("is monotone in evidence: adding valid evidence never lowers a status or a merged status", () => {
    const newEvidenceArb = (w: GeneratedWorld) =>
      fc.record({
        expiryDate: fc.constantFrom(null, TODAY, TOMORROW),
        firmwareScopes: fc.subarray<string | null>([null, CURRENT, OLD]),
        clauseIds: fc.array(fc.constantFrom(...w.targets.map((c) => c.id), ...w.sources.map((c) => c.id)), { minLength: 1, maxLength: 3 }),
      });
    fc.assert(
      fc.property(
        worldArb().chain((w) => fc.tuple(fc.constant(w), newEvidenceArb(w))),
        ([w, extra]) => {
          const before = run(w, w.input);
          const added = evidence("zz-new", extra.clauseIds, { ...extra, title: "New report", reviewState: "accepted", firmwareDependent: false });
          const after = run(w, { ...w.input, evidence: [...w.input.evidence, added] });
          for (const [i, b] of before.entries()) {
            const a = after[i]!;
            expect(a.status === "not_applicable", b.clauseId).toBe(b.status === "not_applicable");
            expectNoWorse(b, a, 1);
            // Linked to the clause itself: covered unless not applicable.
            if (extra.clauseIds.includes(b.clauseId) && b.status !== "not_applicable") expect(a.status).toBe("covered");
          }
        },
      ),
      FC_PARAMS,
    );
  });

  it("removing one mapping never raises a status; applicability only changes through that mapping's inheritance", () => {
    fc.assert(
      fc.property(worldArb(), fc.nat(), (w, pick) => {
        fc.pre(w.mappings.length > 0);
        const removed = w.mappings[pick % w.mappings.length]!;
        const before = run(w, w.input);
        const after = run({ ...w, mappings: w.mappings.filter((m) => m !== removed) }, w.input);
        const targetIds = new Set(w.targets.map((t) => t.id));
        for (const [i, b] of before.entries()) {
          const a = after[i]!;
          if ((a.status === "not_applicable") !== (b.status === "not_applicable")) {
            const source = w.sources.find((s) => s.id === removed.sourceClauseId);
            expect({ relation: removed.relation, to: removed.targetClauseId, fromTarget: targetIds.has(removed.sourceClauseId), conditional: (source?.conditions.length ?? 0) > 0 }).toEqual({
              relation: "equal",
              to: b.clauseId,
              fromTarget: false,
              conditional: true,
            });
          }
          expectNoWorse(b, a, -1);
        }
      }),
      FC_PARAMS,
    );
  });

  it("explains every covered and partial result with real evidence and mappings", () => {
    fc.assert(
      fc.property(worldArb(), (w) => {
        const evidenceById = new Map(w.input.evidence.map((e) => [e.id, e]));
        const mappingById = new Map(w.mappings.map((m) => [m.id, m]));
        for (const r of run(w, w.input)) {
          const { paths } = r.explanation;
          if (r.status === "covered" || r.status === "partial") expect(paths.length, r.clauseId).toBeGreaterThan(0);
          if (r.status === "gap") expect(paths).toEqual([]);
          if (r.status === "covered") expect(paths.some((p) => p.grade === "full" && p.steps.every((s) => FULL_RELATIONS.includes(s.relation)))).toBe(true);
          if (r.status === "partial") expect(paths.every((p) => p.grade === "partial")).toBe(true);
          for (const p of paths) {
            const e = evidenceById.get(p.evidenceId);
            expect(e, p.evidenceId).toBeDefined();
            expect(p.evidenceTitle).toBe(e!.title);
            expect(verdictOf(e!, w.input)).toBe("counts");
            expect(e!.clauseIds).toContain(p.linkedClauseId);
            expect(p.steps.length).toBeLessThanOrEqual(w.maxDepth);
            expect(p.steps[0]?.fromClauseId ?? p.linkedClauseId).toBe(p.linkedClauseId);
            expect(p.steps.at(-1)?.toClauseId ?? p.linkedClauseId).toBe(r.clauseId);
            for (const [i, s] of p.steps.entries()) {
              if (i > 0) expect(s.fromClauseId).toBe(p.steps[i - 1]!.toClauseId);
              const m = mappingById.get(s.mappingId);
              expect(m, s.mappingId).toBeDefined();
              expect(s).toEqual({ mappingId: m!.id, mappingSetId: m!.mappingSetId, fromClauseId: m!.sourceClauseId, toClauseId: m!.targetClauseId, relation: m!.relation, strength: m!.strength });
              expect(s.relation).not.toBe("not_related");
            }
            expect(p.grade).toBe(p.steps.every((s) => FULL_RELATIONS.includes(s.relation)) ? "full" : "partial");
            // A path visits no clause twice.
            expect(new Set([p.linkedClauseId, ...p.steps.map((s) => s.toClauseId)]).size).toBe(p.steps.length + 1);
          }
          expect(new Set(paths.map((p) => p.evidenceId)).size).toBe(paths.length);
          for (const ignored of r.explanation.ignoredEvidence) expect(verdictOf(evidenceById.get(ignored.id)!, w.input)).toBe(ignored.verdict);
          expect(r.explanation.inheritedFrom).toEqual([...new Set(r.explanation.inheritedFrom)].sort());
          expect(r.reason === null).toBe(r.status !== "not_applicable");
        }
      }),
      FC_PARAMS,
    );
  });
});
