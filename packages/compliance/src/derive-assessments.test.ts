import { describe, expect, it } from "vitest";
import { applicabilityProfileSchema, conditionHolds, emptyProfile, type ApplicabilityProfile } from "./applicability-profile";
import {
  deriveClauseAssessments,
  statusRank,
  type DerivationEvidence,
  type DerivationInput,
  type DerivedAssessment,
  type DerivedStatus,
  type EvidenceReviewState,
  type EvidenceVerdict,
} from "./derive-assessments";

// fast-check is only in node_modules as a transitive dependency of prisma (via effect), not declared by
// this workspace, so the properties below are checked by exhaustive enumeration and a seeded generator.

const TODAY = "2025-06-15";
const YESTERDAY = "2025-06-14";
const TOMORROW = "2025-06-16";
const CURRENT = "fw-current";
const OLD = "fw-old";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const clause = (id: string, conditions: number[] = []) => ({ id, code: `QCVN-${id}`, conditions });

function evidence(id: string, overrides: Partial<DerivationEvidence> = {}): DerivationEvidence {
  return {
    id,
    title: `Evidence ${id}`,
    reviewState: "accepted",
    expiryDate: null,
    firmwareDependent: false,
    clauseIds: ["c1"],
    firmwareScopes: [null],
    ...overrides,
  };
}

const profile = (answers: Partial<Record<keyof ApplicabilityProfile, boolean | null>>) => applicabilityProfileSchema.parse(answers);

// Inputs are deep-frozen: any mutation by the function under test throws.
function derive(overrides: Partial<DerivationInput> = {}): DerivedAssessment[] {
  const input: DerivationInput = {
    clauses: [clause("c1")],
    evidence: [],
    profile: emptyProfile(),
    currentFirmwareId: CURRENT,
    today: TODAY,
    ...overrides,
  };
  return deriveClauseAssessments(deepFreeze(structuredClone(input)));
}

function deriveOne(overrides: Partial<DerivationInput> = {}): DerivedAssessment {
  const [only, ...rest] = derive(overrides);
  expect(rest).toEqual([]);
  return only!;
}

describe("deriveClauseAssessments: evidence verdicts", () => {
  it.each<{ name: string; e: Partial<DerivationEvidence>; firmware?: string | null; verdict: EvidenceVerdict; status: DerivedStatus; reverify?: boolean }>([
    { name: "accepted, never expires", e: {}, verdict: "counts", status: "covered" },
    { name: "accepted, expires tomorrow", e: { expiryDate: TOMORROW }, verdict: "counts", status: "covered" },
    { name: "accepted, expires today (valid through that day)", e: { expiryDate: TODAY }, verdict: "counts", status: "covered" },
    { name: "accepted, expired yesterday", e: { expiryDate: YESTERDAY }, verdict: "expired", status: "not_started" },
    { name: "accepted, expired years ago", e: { expiryDate: "2019-12-31" }, verdict: "expired", status: "not_started" },
    { name: "rejected", e: { reviewState: "rejected" }, verdict: "rejected", status: "not_started" },
    { name: "rejected, not expired", e: { reviewState: "rejected", expiryDate: TOMORROW }, verdict: "rejected", status: "not_started" },
    { name: "rejected, expired", e: { reviewState: "rejected", expiryDate: YESTERDAY }, verdict: "rejected", status: "not_started" },
    { name: "draft", e: { reviewState: "draft" }, verdict: "pending_review", status: "in_progress" },
    { name: "submitted", e: { reviewState: "submitted" }, verdict: "pending_review", status: "in_progress" },
    { name: "submitted with a past expiry date (only accepted evidence expires)", e: { reviewState: "submitted", expiryDate: YESTERDAY }, verdict: "pending_review", status: "in_progress" },
    { name: "firmware-dependent at the current firmware", e: { firmwareDependent: true, firmwareScopes: [CURRENT] }, verdict: "counts", status: "covered" },
    { name: "firmware-dependent for all firmware (null scope)", e: { firmwareDependent: true, firmwareScopes: [null] }, verdict: "counts", status: "covered" },
    { name: "firmware-dependent only at another firmware", e: { firmwareDependent: true, firmwareScopes: [OLD] }, verdict: "other_firmware", status: "not_started", reverify: true },
    { name: "firmware-dependent at another and the current firmware", e: { firmwareDependent: true, firmwareScopes: [OLD, CURRENT] }, verdict: "counts", status: "covered" },
    { name: "firmware-dependent at another firmware and all firmware", e: { firmwareDependent: true, firmwareScopes: [OLD, null] }, verdict: "counts", status: "covered" },
    { name: "firmware-dependent draft at another firmware (firmware is judged first)", e: { firmwareDependent: true, reviewState: "draft", firmwareScopes: [OLD] }, verdict: "other_firmware", status: "not_started", reverify: true },
    { name: "firmware-dependent rejected at another firmware", e: { firmwareDependent: true, reviewState: "rejected", firmwareScopes: [OLD] }, verdict: "other_firmware", status: "not_started", reverify: true },
    { name: "firmware-dependent expired at the current firmware", e: { firmwareDependent: true, expiryDate: YESTERDAY, firmwareScopes: [CURRENT] }, verdict: "expired", status: "not_started" },
    { name: "not firmware-dependent, only at another firmware", e: { firmwareScopes: [OLD] }, verdict: "counts", status: "covered" },
    { name: "not firmware-dependent draft, only at another firmware", e: { reviewState: "draft", firmwareScopes: [OLD] }, verdict: "pending_review", status: "in_progress" },
    { name: "no firmware registered: firmware-dependent at a firmware", e: { firmwareDependent: true, firmwareScopes: [OLD] }, firmware: null, verdict: "other_firmware", status: "not_started", reverify: true },
    { name: "no firmware registered: firmware-dependent for all firmware", e: { firmwareDependent: true, firmwareScopes: [null] }, firmware: null, verdict: "counts", status: "covered" },
    { name: "no firmware registered: not firmware-dependent at a firmware", e: { firmwareScopes: [OLD] }, firmware: null, verdict: "counts", status: "covered" },
  ])("$name → $verdict, $status", ({ e, firmware, verdict, status, reverify = false }) => {
    const result = deriveOne({ evidence: [evidence("e1", e)], currentFirmwareId: firmware === undefined ? CURRENT : firmware });
    expect(result).toEqual({
      clauseId: "c1",
      status,
      reason: null,
      explanation: { evidence: [{ id: "e1", title: "Evidence e1", verdict }], unmetConditions: [], unknownConditions: [] },
      needsReverification: reverify,
    });
  });
});

describe("deriveClauseAssessments: status from several evidence", () => {
  const accepted = evidence("a");
  const rejected = evidence("r", { reviewState: "rejected" });
  const expired = evidence("x", { expiryDate: YESTERDAY });
  const draft = evidence("d", { reviewState: "draft" });
  const submitted = evidence("s", { reviewState: "submitted" });
  const stale = evidence("o", { firmwareDependent: true, firmwareScopes: [OLD] });
  const current = evidence("n", { firmwareDependent: true, firmwareScopes: [CURRENT] });

  it.each<{ name: string; list: DerivationEvidence[]; status: DerivedStatus; reverify: boolean }>([
    { name: "no evidence", list: [], status: "not_started", reverify: false },
    { name: "rejected + accepted", list: [rejected, accepted], status: "covered", reverify: false },
    { name: "rejected + draft", list: [rejected, draft], status: "in_progress", reverify: false },
    { name: "expired + submitted", list: [expired, submitted], status: "in_progress", reverify: false },
    { name: "expired + rejected", list: [expired, rejected], status: "not_started", reverify: false },
    { name: "expired + accepted", list: [expired, accepted], status: "covered", reverify: false },
    { name: "draft + accepted", list: [draft, accepted], status: "covered", reverify: false },
    { name: "other firmware only", list: [stale], status: "not_started", reverify: true },
    { name: "other firmware + draft", list: [stale, draft], status: "in_progress", reverify: true },
    // Flag kept deliberately simple: any stale firmware-dependent evidence, even if the current firmware is covered.
    { name: "other firmware + current firmware accepted", list: [stale, current], status: "covered", reverify: true },
    { name: "everything", list: [accepted, rejected, expired, draft, submitted, stale, current], status: "covered", reverify: true },
  ])("$name → $status", ({ list, status, reverify }) => {
    const result = deriveOne({ evidence: list });
    expect(result.status).toBe(status);
    expect(result.needsReverification).toBe(reverify);
    expect(result.explanation.evidence.map((e) => e.id)).toEqual(list.map((e) => e.id).sort());
  });
});

describe("deriveClauseAssessments: applicability", () => {
  it.each<{ name: string; conditions: number[]; answers: Partial<Record<keyof ApplicabilityProfile, boolean | null>>; unmet: number[]; unknown: number[]; reason?: string }>([
    { name: "unconditional", conditions: [], answers: {}, unmet: [], unknown: [] },
    { name: "one condition unknown", conditions: [9], answers: {}, unmet: [], unknown: [9] },
    { name: "one condition true", conditions: [9], answers: { automaticUpdates: true }, unmet: [], unknown: [] },
    {
      name: "one condition false",
      conditions: [9],
      answers: { automaticUpdates: false },
      unmet: [9],
      unknown: [],
      reason: 'Not applicable: condition 9 ("Automatic updates and/or update notifications") does not hold.',
    },
    {
      name: "two conditions, one true, one false",
      conditions: [9, 12],
      answers: { automaticUpdates: true, updateMechanism: false },
      unmet: [12],
      unknown: [],
      reason: 'Not applicable: condition 12 ("An update mechanism is implemented") does not hold.',
    },
    {
      name: "two conditions, one false, one unknown (false wins)",
      conditions: [12, 9],
      answers: { automaticUpdates: false },
      unmet: [9],
      unknown: [12],
      reason: 'Not applicable: condition 9 ("Automatic updates and/or update notifications") does not hold.',
    },
    {
      name: "two conditions, both false",
      conditions: [12, 9],
      answers: { automaticUpdates: false, updateMechanism: false },
      unmet: [9, 12],
      unknown: [],
      reason: 'Not applicable: conditions 9 ("Automatic updates and/or update notifications") and 12 ("An update mechanism is implemented") do not hold.',
    },
    {
      name: "three conditions, all false",
      conditions: [1, 2, 8],
      answers: { passwordsUsed: false, preInstalledPasswords: false, userAuthentication: false },
      unmet: [1, 2, 8],
      unknown: [],
      reason:
        'Not applicable: conditions 1 ("Passwords are used"), 2 ("Pre-installed passwords are used") and 8 ("The device allows user authentication") do not hold.',
    },
    { name: "two conditions, one true, one unknown (stays applicable)", conditions: [9, 12], answers: { automaticUpdates: true }, unmet: [], unknown: [12] },
    { name: "two conditions, both unknown", conditions: [9, 12], answers: {}, unmet: [], unknown: [9, 12] },
    {
      name: "condition 5 (not constrained) on a constrained device",
      conditions: [5],
      answers: { constrainedDevice: true },
      unmet: [5],
      unknown: [],
      reason: 'Not applicable: condition 5 ("The device is not constrained") does not hold.',
    },
    { name: "condition 5 on an unconstrained device", conditions: [5], answers: { constrainedDevice: false }, unmet: [], unknown: [] },
    { name: "condition 5 with constraint unknown", conditions: [5], answers: {}, unmet: [], unknown: [5] },
    { name: "condition 4 on an unconstrained device", conditions: [4], answers: { constrainedDevice: false }, unmet: [4], unknown: [], reason: 'Not applicable: condition 4 ("The device is constrained") does not hold.' },
    { name: "a condition the profile does not answer is unknown, never false", conditions: [99], answers: {}, unmet: [], unknown: [99] },
    { name: "a condition listed twice is reported once", conditions: [9, 9], answers: { automaticUpdates: false }, unmet: [9], unknown: [], reason: 'Not applicable: condition 9 ("Automatic updates and/or update notifications") does not hold.' },
  ])("$name", ({ conditions, answers, unmet, unknown, reason }) => {
    const result = deriveOne({ clauses: [clause("c1", conditions)], profile: profile(answers), evidence: [evidence("e1")] });
    expect(result.status).toBe(unmet.length > 0 ? "not_applicable" : "covered");
    expect(result.reason).toBe(reason ?? null);
    expect(result.explanation.unmetConditions).toEqual(unmet);
    expect(result.explanation.unknownConditions).toEqual(unknown);
  });

  it("not_applicable wins over evidence, still lists it, and needs no reverification", () => {
    const result = deriveOne({
      clauses: [clause("c1", [9])],
      profile: profile({ automaticUpdates: false }),
      evidence: [evidence("e1"), evidence("e2", { firmwareDependent: true, firmwareScopes: [OLD] }), evidence("e3", { reviewState: "draft" })],
    });
    expect(result.status).toBe("not_applicable");
    expect(result.needsReverification).toBe(false);
    expect(result.explanation.evidence).toEqual([
      { id: "e1", title: "Evidence e1", verdict: "counts" },
      { id: "e2", title: "Evidence e2", verdict: "other_firmware" },
      { id: "e3", title: "Evidence e3", verdict: "pending_review" },
    ]);
  });

  it("matches conditionHolds for every combination of conditions {4, 5, 9, 12} and answers", () => {
    const values = [true, false, null] as const;
    const pool = [4, 5, 9, 12];
    let checked = 0;
    for (const constrainedDevice of values) {
      for (const automaticUpdates of values) {
        for (const updateMechanism of values) {
          const p = profile({ constrainedDevice, automaticUpdates, updateMechanism });
          for (let mask = 0; mask < 1 << pool.length; mask++) {
            const conditions = pool.filter((_, i) => mask & (1 << i));
            const result = deriveOne({ clauses: [clause("c1", conditions)], profile: p, evidence: [evidence("e1", { reviewState: "draft" })] });
            const unmet = conditions.filter((c) => conditionHolds(p, c) === false);
            expect(result.status).toBe(unmet.length > 0 ? "not_applicable" : "in_progress");
            expect(result.explanation.unmetConditions).toEqual(unmet);
            expect(result.explanation.unknownConditions).toEqual(conditions.filter((c) => conditionHolds(p, c) === undefined));
            expect(result.reason === null).toBe(unmet.length === 0);
            for (const c of unmet) expect(result.reason).toContain(`${c} ("`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(27 * 16);
  });
});

describe("deriveClauseAssessments: linking", () => {
  it("returns one result per input clause, in input order", () => {
    const results = derive({ clauses: [clause("c3"), clause("c1"), clause("c2")], evidence: [evidence("e1", { clauseIds: ["c2"] })] });
    expect(results.map((r) => [r.clauseId, r.status])).toEqual([
      ["c3", "not_started"],
      ["c1", "not_started"],
      ["c2", "covered"],
    ]);
    expect(derive({ clauses: [] })).toEqual([]);
  });

  it("ignores links to clauses that are not in the input", () => {
    const results = derive({
      clauses: [clause("c1"), clause("c2")],
      evidence: [evidence("e1", { clauseIds: ["c1", "other-catalog"] }), evidence("e2", { clauseIds: ["other-catalog"] })],
    });
    expect(results.map((r) => r.explanation.evidence.map((e) => e.id))).toEqual([["e1"], []]);
  });

  it("lists evidence linked to the same clause twice only once", () => {
    const result = deriveOne({ evidence: [evidence("e1", { clauseIds: ["c1", "c1"], firmwareScopes: [null, null] })] });
    expect(result.explanation.evidence).toEqual([{ id: "e1", title: "Evidence e1", verdict: "counts" }]);
  });

  it("merges the same evidence given as one row per firmware link", () => {
    const fw = { firmwareDependent: true } as const;
    const result = deriveOne({
      evidence: [evidence("e1", { ...fw, firmwareScopes: [OLD] }), evidence("e1", { ...fw, clauseIds: ["c1", "c2"], firmwareScopes: [CURRENT] })],
    });
    expect(result.explanation.evidence).toEqual([{ id: "e1", title: "Evidence e1", verdict: "counts" }]);
    expect(result.status).toBe("covered");
    expect(result.needsReverification).toBe(false);
  });

  it("merges clause links of duplicate rows", () => {
    const results = derive({
      clauses: [clause("c1"), clause("c2")],
      evidence: [evidence("e1", { clauseIds: ["c1"] }), evidence("e1", { clauseIds: ["c2"] })],
    });
    expect(results.map((r) => r.status)).toEqual(["covered", "covered"]);
  });

  it("sorts the explanation by id in code-unit order, independent of locale", () => {
    const result = deriveOne({ evidence: ["e2", "E9", "e10", "e1", "é1"].map((id) => evidence(id)) });
    expect(result.explanation.evidence.map((e) => e.id)).toEqual(["E9", "e1", "e10", "e2", "é1"]);
  });

  it("gives each result its own objects", () => {
    const [first, second] = derive({ clauses: [clause("c1"), clause("c2")], evidence: [evidence("e1", { clauseIds: ["c1", "c2"] })] });
    expect(first!.explanation.evidence[0]).not.toBe(second!.explanation.evidence[0]);
  });
});

describe("deriveClauseAssessments: validation", () => {
  it.each(["2025-6-15", "15/06/2025", "2025-06-15T00:00:00Z", "", "2025-13-01", "2025-00-10", "2025-02-29", "2025-04-31", "2025-06-00", " 2025-06-15"])(
    "rejects today = %j",
    (today) => {
      expect(() => derive({ today })).toThrow(/today must be an ISO date "YYYY-MM-DD"/);
    },
  );

  it("accepts a leap day", () => {
    expect(deriveOne({ today: "2024-02-29", evidence: [evidence("e1", { expiryDate: "2024-02-29" })] }).status).toBe("covered");
  });

  it("rejects a malformed expiry date, naming the evidence", () => {
    expect(() => derive({ evidence: [evidence("e7", { expiryDate: "2025-06-31" })] })).toThrow(/evidence e7: expiryDate must be an ISO date/);
  });

  it("rejects an unknown review state", () => {
    const bad = { ...evidence("e7"), reviewState: "approved" } as unknown as DerivationEvidence;
    expect(() => derive({ evidence: [bad] })).toThrow(/evidence e7: unknown review state "approved"/);
  });

  it("rejects evidence that is not linked to the SKU at all", () => {
    expect(() => derive({ evidence: [evidence("e7", { firmwareScopes: [] })] })).toThrow(/evidence e7: not linked to the SKU/);
  });

  it("rejects the same evidence given twice with different facts", () => {
    expect(() => derive({ evidence: [evidence("e7"), evidence("e7", { reviewState: "rejected" })] })).toThrow(/evidence e7: given twice/);
  });

  it("reports every problem in the same order whatever the input order", () => {
    const bad = [evidence("e2", { expiryDate: "tomorrow" }), evidence("e1", { firmwareScopes: [] })];
    const message = (list: DerivationEvidence[]) => {
      try {
        derive({ evidence: list });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("expected a throw");
    };
    expect(message(bad)).toMatch(/evidence e1: .*; evidence e2: /);
    expect(message([...bad].reverse())).toBe(message(bad));
  });
});

describe("statusRank", () => {
  it("orders progress and leaves not_applicable outside it", () => {
    expect([statusRank("not_started"), statusRank("in_progress"), statusRank("covered"), statusRank("not_applicable")]).toEqual([0, 1, 2, null]);
  });
});

// ---- Properties, checked exhaustively over a small universe and on seeded random inputs. ----

const REVIEW_STATES: EvidenceReviewState[] = ["draft", "submitted", "accepted", "rejected"];
const SCOPE_SETS: (string | null)[][] = [[null], [CURRENT], [OLD], [OLD, CURRENT], [null, OLD], [null, CURRENT, OLD], ["fw-other"]];

// Every shape one evidence can take relative to the current firmware and today.
function evidenceShapes(id: string, expiries: (string | null)[], scopeSets: (string | null)[][]): DerivationEvidence[] {
  const shapes: DerivationEvidence[] = [];
  for (const reviewState of REVIEW_STATES) {
    for (const expiryDate of expiries) {
      for (const firmwareDependent of [false, true]) {
        for (const firmwareScopes of scopeSets) shapes.push(evidence(id, { reviewState, expiryDate, firmwareDependent, firmwareScopes }));
      }
    }
  }
  return shapes;
}

const rank = (a: DerivedAssessment) => statusRank(a.status) ?? -1;

describe("deriveClauseAssessments: exhaustive single evidence", () => {
  const shapes = evidenceShapes("e1", [null, YESTERDAY, TODAY, TOMORROW], SCOPE_SETS);

  it.each([CURRENT, null])("follows the rules for every evidence shape (current firmware %s)", (currentFirmwareId) => {
    for (const e of shapes) {
      const result = deriveOne({ evidence: [e], currentFirmwareId });
      const forCurrent = !e.firmwareDependent || e.firmwareScopes.includes(null) || (currentFirmwareId !== null && e.firmwareScopes.includes(currentFirmwareId));
      const valid = e.expiryDate === null || e.expiryDate >= TODAY;
      const verdict: EvidenceVerdict = !forCurrent
        ? "other_firmware"
        : e.reviewState === "rejected"
          ? "rejected"
          : e.reviewState !== "accepted"
            ? "pending_review"
            : valid
              ? "counts"
              : "expired";
      const status: DerivedStatus = verdict === "counts" ? "covered" : verdict === "pending_review" ? "in_progress" : "not_started";
      expect({ verdict: result.explanation.evidence[0]?.verdict, status: result.status, reverify: result.needsReverification }, JSON.stringify(e)).toEqual({
        verdict,
        status,
        reverify: verdict === "other_firmware",
      });
    }
    expect(shapes).toHaveLength(4 * 4 * 2 * SCOPE_SETS.length);
  });
});

describe("deriveClauseAssessments: exhaustive pairs of evidence", () => {
  const scopeSets: (string | null)[][] = [[null], [CURRENT], [OLD], [OLD, CURRENT]];
  const left = deepFreeze(evidenceShapes("e1", [null, YESTERDAY, TODAY], scopeSets));
  const right = deepFreeze(evidenceShapes("e2", [null, YESTERDAY, TODAY], scopeSets));
  const backing = deepFreeze(evidence("zz-backing", { reviewState: "accepted", expiryDate: TODAY, firmwareScopes: [null] }));
  const profiles = deepFreeze([emptyProfile(), profile({ automaticUpdates: false })]);

  // ~37k cases: mismatches are collected and asserted once, since an expect() per case is too slow.
  it("composes: the pair is as good as its best member, in any order, and adding accepted evidence never lowers it", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const p of profiles) {
      for (const currentFirmwareId of [CURRENT, null]) {
        const clauses = deepFreeze([clause("c1", [9])]);
        const run = (list: readonly DerivationEvidence[]) => deriveClauseAssessments({ clauses, evidence: list, profile: p, currentFirmwareId, today: TODAY })[0]!;
        const alone = new Map([...left, ...right].map((e) => [e, run([e])]));
        for (const a of left) {
          for (const b of right) {
            const pair = run([a, b]);
            const [ra, rb] = [alone.get(a)!, alone.get(b)!];
            const more = run([a, backing, b]);
            const fail = (what: string) => failures.push(`${what}: ${JSON.stringify({ a, b, currentFirmwareId, p })}`);

            // Deterministic and order-independent.
            if (JSON.stringify(run([b, a])) !== JSON.stringify(pair)) fail("order");
            // Composition: best status of the two, either one flags reverification, explanations merge.
            if (rank(pair) !== Math.max(rank(ra), rank(rb))) fail("status is not the best of the two");
            if (pair.needsReverification !== (ra.needsReverification || rb.needsReverification)) fail("reverification");
            if (JSON.stringify(pair.explanation.evidence) !== JSON.stringify([...ra.explanation.evidence, ...rb.explanation.evidence])) fail("explanation");
            // Every covered result is backed by linked evidence that counts.
            if (pair.status === "covered" && !pair.explanation.evidence.some((e) => e.verdict === "counts" && (e.id === a.id || e.id === b.id))) fail("covered without counting evidence");
            // Monotone: accepted, unexpired, all-firmware evidence covers, unless not applicable.
            if (more.status !== (pair.status === "not_applicable" ? "not_applicable" : "covered") || rank(more) < rank(pair)) fail("monotone");
            checked++;
          }
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked).toBe(profiles.length * 2 * left.length * right.length);
  });
});

// Small deterministic PRNG (mulberry32) so failures reproduce from the seed.
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  const shuffle = <T,>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  const subset = <T,>(items: readonly T[]): T[] => items.filter(() => next() < 0.4);
  return { int, pick, shuffle, subset, next };
}

function randomInput(rng: ReturnType<typeof random>): DerivationInput {
  const clauseIds = ["c1", "c2", "c3", "c4", "c5"];
  const clauses = clauseIds.map((id) => clause(id, rng.subset([5, 9, 12])));
  const firmware = [CURRENT, OLD, "fw-other"];
  const evidenceList: DerivationEvidence[] = [];
  for (let i = 0, count = rng.int(7); i < count; i++) {
    const e = evidence(`e${rng.int(10)}`, {
      reviewState: rng.pick(REVIEW_STATES),
      expiryDate: rng.pick([null, YESTERDAY, TODAY, TOMORROW]),
      firmwareDependent: rng.next() < 0.5,
      clauseIds: [...rng.subset([...clauseIds, "not-in-input"]), ...rng.subset(clauseIds)],
      firmwareScopes: [rng.pick<string | null>([null, ...firmware]), ...rng.subset<string | null>([null, ...firmware])],
    });
    // Same id must mean the same facts; different links are allowed.
    const earlier = evidenceList.find((x) => x.id === e.id);
    evidenceList.push(earlier ? { ...earlier, clauseIds: e.clauseIds, firmwareScopes: e.firmwareScopes } : e);
  }
  return {
    clauses,
    evidence: evidenceList,
    profile: profile({ constrainedDevice: rng.pick([true, false, null]), automaticUpdates: rng.pick([true, false, null]), updateMechanism: rng.pick([true, false, null]) }),
    currentFirmwareId: rng.pick([CURRENT, null]),
    today: TODAY,
  };
}

describe("deriveClauseAssessments: seeded random inputs", () => {
  it.each([1, 2, 3, 4])("is deterministic and independent of evidence, link and scope order (seed %i)", (seed) => {
    const rng = random(seed);
    for (let run = 0; run < 250; run++) {
      const input = randomInput(rng);
      const expected = derive(input);
      expect(derive(input)).toEqual(expected);
      const permuted: DerivationInput = {
        ...input,
        evidence: rng.shuffle(input.evidence).map((e) => ({ ...e, clauseIds: rng.shuffle(e.clauseIds), firmwareScopes: rng.shuffle(e.firmwareScopes) })),
        clauses: input.clauses.map((c) => ({ ...c, conditions: rng.shuffle(c.conditions) })),
      };
      expect(derive(permuted), `seed ${seed} run ${run}`).toEqual(expected);

      // Clause order only permutes the results.
      const reversed = derive({ ...input, clauses: [...input.clauses].reverse() });
      expect(reversed).toEqual([...expected].reverse());

      for (const [i, result] of expected.entries()) {
        const c = input.clauses[i]!;
        expect(result.clauseId).toBe(c.id);
        const linked = new Set(input.evidence.filter((e) => e.clauseIds.includes(c.id)).map((e) => e.id));
        const ids = result.explanation.evidence.map((e) => e.id);
        expect(ids).toEqual([...linked].sort());
        if (result.status === "covered") expect(result.explanation.evidence.some((e) => e.verdict === "counts" && linked.has(e.id))).toBe(true);
        expect(result.needsReverification).toBe(result.status !== "not_applicable" && result.explanation.evidence.some((e) => e.verdict === "other_firmware"));
      }

      // Monotone: adding accepted, unexpired, all-firmware evidence to one clause never lowers any status.
      const target = rng.pick(input.clauses).id;
      const extended = derive({ ...input, evidence: [...input.evidence, evidence("zz-new", { clauseIds: [target], firmwareScopes: [null] })] });
      for (const [i, after] of extended.entries()) {
        const before = expected[i]!;
        if (before.status === "not_applicable") expect(after.status).toBe("not_applicable");
        else expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
        if (after.clauseId === target && before.status !== "not_applicable") expect(after.status).toBe("covered");
      }
    }
  });
});
