/**
 * Re-mapping: carries a SKU's evidence on source clauses (QCVN 135, ETSI EN 303 645 provisions,
 * TS 103 701 test cases, or QCVN 11 itself) to the target catalog's clauses through mapping sets.
 *
 * - Only evidence that counts (accepted, unexpired, valid for the current firmware) supports anything.
 * - A mapping carries full support for equal / superset, partial for subset / intersect, nothing for
 *   not_related. A chain of mappings (ETSI -> QCVN 135 -> QCVN 11, at most `maxDepth` steps) is as
 *   strong as its weakest link. Evidence linked to a target clause itself is full support.
 * - A clause is covered when some evidence reaches it with full support, partial when only partial
 *   support reaches it (partials never add up to full), otherwise a gap. The best path wins, so
 *   adding evidence or mappings never lowers a result and removing them never raises one.
 * - Not applicable: the clause's own conditions, or (inherited) every equal-relation source with
 *   conditions has a condition that does not hold for the SKU's profile. Unknown never means n/a.
 * - Merging with existing assessments: a manual decision is kept, and a different proposal is a
 *   conflict; a derived result (direct evidence) and the proposal are both automated, and the worse
 *   of the two wins; a derived "in progress" (evidence under review) is not turned into a gap.
 */
import type { ApplicabilityProfile } from "./applicability-profile";
import { conditionHolds } from "./applicability-profile";
import { evidenceVerdict, notApplicableReason, type EvidenceReviewState, type EvidenceVerdict } from "./derive-assessments";

export type MappingRelationName = "equal" | "subset" | "superset" | "intersect" | "not_related";
export type SupportGrade = "full" | "partial";
export type RemapStatus = "covered" | "partial" | "gap" | "not_applicable";
export type AssessmentStatusName = "not_started" | "in_progress" | "covered" | "partial" | "gap" | "not_applicable";
export type AssessmentOriginName = "manual" | "derived" | "remapped";
export type RetestFlag = "new_in_target" | "evidence_before_cutoff";

export interface RemapClause {
  id: string;
  code: string;
  conditions: readonly number[];
}

export interface RemapMapping {
  id: string;
  mappingSetId: string;
  sourceClauseId: string;
  targetClauseId: string | null;
  relation: MappingRelationName;
  strength: number;
}

export interface RemapEvidence {
  id: string;
  title: string;
  reviewState: EvidenceReviewState;
  expiryDate: string | null;
  effectiveDate: string | null;
  firmwareDependent: boolean;
  firmwareScopes: readonly (string | null)[];
  clauseIds: readonly string[];
}

export interface ExistingAssessment {
  clauseId: string;
  status: AssessmentStatusName;
  origin: AssessmentOriginName;
}

export interface ChainStep {
  mappingId: string;
  mappingSetId: string;
  fromClauseId: string;
  toClauseId: string;
  relation: MappingRelationName;
  strength: number;
}

export interface SupportPath {
  evidenceId: string;
  evidenceTitle: string;
  // The clause the evidence is linked to, where the chain starts.
  linkedClauseId: string;
  steps: ChainStep[];
  grade: SupportGrade;
}

export interface RemapExplanation {
  // The best path of each piece of evidence that reaches the clause, best first.
  paths: SupportPath[];
  // Evidence linked somewhere on a path to this clause that does not count, and why.
  ignoredEvidence: { id: string; title: string; verdict: EvidenceVerdict }[];
  unmetConditions: number[];
  // For inherited "not applicable": the equal-relation sources whose conditions do not hold.
  inheritedFrom: string[];
}

export interface RemapProposal {
  clauseId: string;
  status: RemapStatus;
  reason: string | null;
  explanation: RemapExplanation;
  retest: RetestFlag[];
  existing: ExistingAssessment | null;
  merged: { status: AssessmentStatusName; origin: AssessmentOriginName; changed: boolean };
  conflict: { manualStatus: AssessmentStatusName; proposedStatus: RemapStatus } | null;
}

export interface RemapSkuInput {
  evidence: readonly RemapEvidence[];
  profile: ApplicabilityProfile;
  currentFirmwareId: string | null;
  today: string;
  existing: readonly ExistingAssessment[];
  // Evidence effective before this ISO date is flagged for re-test; null: no cutoff.
  retestBefore?: string | null;
}

interface Reach {
  targetClauseId: string;
  steps: ChainStep[];
  grade: SupportGrade;
}

const GRADE_OF: Record<MappingRelationName, SupportGrade | null> = {
  equal: "full",
  superset: "full",
  subset: "partial",
  intersect: "partial",
  not_related: null,
};

const STATUS_RANK: Record<"gap" | "partial" | "covered", number> = { gap: 0, partial: 1, covered: 2 };

export const DEFAULT_MAX_DEPTH = 3;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const pathKey = (steps: readonly ChainStep[]) => steps.map((s) => s.mappingId).join(">");

// Better path first: full before partial, shorter before longer, then by mapping ids (determinism).
function comparePaths(a: { grade: SupportGrade; steps: readonly ChainStep[] }, b: { grade: SupportGrade; steps: readonly ChainStep[] }): number {
  if (a.grade !== b.grade) return a.grade === "full" ? -1 : 1;
  if (a.steps.length !== b.steps.length) return a.steps.length - b.steps.length;
  return byString(pathKey(a.steps), pathKey(b.steps));
}

/**
 * The mapping graph and target catalog, prepared once and shared by every SKU of a run: what each
 * source clause reaches is computed once and memoised, so re-mapping 1,000 SKUs is one pass.
 */
export class RemapGraph {
  private readonly targetIds: Set<string>;
  private readonly edgesFrom = new Map<string, RemapMapping[]>();
  private readonly incoming = new Map<string, RemapMapping[]>();
  private readonly clauses = new Map<string, RemapClause>();
  private readonly reachMemo = new Map<string, Map<string, Reach>>();

  constructor(
    readonly targetClauses: readonly RemapClause[],
    clauses: readonly RemapClause[],
    mappings: readonly RemapMapping[],
    readonly maxDepth: number = DEFAULT_MAX_DEPTH,
  ) {
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 6) throw new Error(`RemapGraph: maxDepth must be 1..6, got ${maxDepth}`);
    this.targetIds = new Set(targetClauses.map((c) => c.id));
    for (const c of [...clauses, ...targetClauses]) this.clauses.set(c.id, c);
    const sorted = [...mappings].sort((a, b) => byString(a.id, b.id));
    for (const m of sorted) {
      if (m.targetClauseId === null || GRADE_OF[m.relation] === null || m.sourceClauseId === m.targetClauseId) continue;
      this.edgesFrom.set(m.sourceClauseId, [...(this.edgesFrom.get(m.sourceClauseId) ?? []), m]);
      this.incoming.set(m.targetClauseId, [...(this.incoming.get(m.targetClauseId) ?? []), m]);
    }
  }

  clause(id: string): RemapClause | undefined {
    return this.clauses.get(id);
  }

  // Target clauses no mapping leads into: new obligations with nothing to carry over.
  isNewInTarget(targetClauseId: string): boolean {
    return !(this.incoming.get(targetClauseId) ?? []).some((m) => !this.targetIds.has(m.sourceClauseId));
  }

  equalSources(targetClauseId: string): RemapClause[] {
    // A source mapped by several mapping sets (or rows) is still one source.
    const ids = new Set((this.incoming.get(targetClauseId) ?? []).filter((m) => m.relation === "equal" && !this.targetIds.has(m.sourceClauseId)).map((m) => m.sourceClauseId));
    return [...ids].map((id) => this.clauses.get(id)).filter((c): c is RemapClause => c !== undefined);
  }

  /** Best path from a clause to each target clause it reaches within maxDepth steps. */
  reach(fromClauseId: string): Map<string, Reach> {
    const memo = this.reachMemo.get(fromClauseId);
    if (memo) return memo;
    const best = new Map<string, Reach>();
    if (this.targetIds.has(fromClauseId)) best.set(fromClauseId, { targetClauseId: fromClauseId, steps: [], grade: "full" });
    const walk = (clauseId: string, steps: ChainStep[], grade: SupportGrade, visited: Set<string>) => {
      if (steps.length >= this.maxDepth) return;
      for (const m of this.edgesFrom.get(clauseId) ?? []) {
        const to = m.targetClauseId!;
        if (visited.has(to)) continue;
        const edgeGrade = GRADE_OF[m.relation]!;
        const nextGrade: SupportGrade = grade === "full" && edgeGrade === "full" ? "full" : "partial";
        const nextSteps = [...steps, { mappingId: m.id, mappingSetId: m.mappingSetId, fromClauseId: clauseId, toClauseId: to, relation: m.relation, strength: m.strength }];
        if (this.targetIds.has(to)) {
          const current = best.get(to);
          const candidate = { targetClauseId: to, steps: nextSteps, grade: nextGrade };
          if (!current || comparePaths(candidate, current) < 0) best.set(to, candidate);
        }
        visited.add(to);
        walk(to, nextSteps, nextGrade, visited);
        visited.delete(to);
      }
    };
    walk(fromClauseId, [], "full", new Set([fromClauseId]));
    this.reachMemo.set(fromClauseId, best);
    return best;
  }
}

function worseStatus(a: "gap" | "partial" | "covered", b: "gap" | "partial" | "covered"): "gap" | "partial" | "covered" {
  return STATUS_RANK[a] <= STATUS_RANK[b] ? a : b;
}

function merge(existing: ExistingAssessment | null, proposal: RemapStatus): RemapProposal["merged"] & { conflict: RemapProposal["conflict"] } {
  const result = (status: AssessmentStatusName, origin: AssessmentOriginName, conflict: RemapProposal["conflict"] = null) => ({
    status,
    origin,
    changed: !existing || existing.status !== status || existing.origin !== origin,
    conflict,
  });
  if (existing?.origin === "manual") {
    return result(existing.status, "manual", existing.status === proposal ? null : { manualStatus: existing.status, proposedStatus: proposal });
  }
  if (existing?.origin === "derived") {
    // Same answer from the evidence on the clause itself: nothing to write.
    if (existing.status === proposal) return result(existing.status, "derived");
    if (existing.status === "in_progress" && proposal === "gap") return result("in_progress", "derived");
    if (proposal !== "not_applicable" && (existing.status === "covered" || existing.status === "partial" || existing.status === "gap")) {
      const worse = worseStatus(existing.status, proposal);
      return worse === existing.status ? result(existing.status, "derived") : result(worse, "remapped");
    }
  }
  return result(proposal, "remapped");
}

/** Proposals for every target clause of the graph, in the order of `graph.targetClauses`. */
export function remapSku(graph: RemapGraph, input: RemapSkuInput): RemapProposal[] {
  const existingByClause = new Map<string, ExistingAssessment>();
  for (const e of input.existing) existingByClause.set(e.clauseId, e);

  // For each target clause: the best path of each counting evidence, and evidence that does not count.
  const paths = new Map<string, Map<string, SupportPath>>();
  const ignored = new Map<string, Map<string, { id: string; title: string; verdict: EvidenceVerdict }>>();
  const evidence = [...input.evidence].sort((a, b) => byString(a.id, b.id));
  for (const e of evidence) {
    const verdict = evidenceVerdict({ ...e, firmwareScopes: new Set(e.firmwareScopes) }, input.currentFirmwareId, input.today);
    for (const linkedClauseId of [...new Set(e.clauseIds)].sort(byString)) {
      for (const [targetId, reach] of graph.reach(linkedClauseId)) {
        if (verdict !== "counts") {
          const list = ignored.get(targetId) ?? new Map();
          list.set(e.id, { id: e.id, title: e.title, verdict });
          ignored.set(targetId, list);
          continue;
        }
        const list = paths.get(targetId) ?? new Map<string, SupportPath>();
        const candidate: SupportPath = { evidenceId: e.id, evidenceTitle: e.title, linkedClauseId, steps: reach.steps, grade: reach.grade };
        const current = list.get(e.id);
        if (!current || comparePaths(candidate, current) < 0 || (comparePaths(candidate, current) === 0 && linkedClauseId < current.linkedClauseId)) list.set(e.id, candidate);
        paths.set(targetId, list);
      }
    }
  }

  return graph.targetClauses.map((clause) => {
    const unmet = clause.conditions.filter((c) => conditionHolds(input.profile, c) === false);
    const conditionalSources = graph.equalSources(clause.id).filter((s) => s.conditions.length > 0);
    const inheritedFrom =
      unmet.length === 0 && conditionalSources.length > 0 && conditionalSources.every((s) => s.conditions.some((c) => conditionHolds(input.profile, c) === false))
        ? conditionalSources.map((s) => s.id).sort(byString)
        : [];
    const inheritedUnmet = [...new Set(inheritedFrom.flatMap((id) => graph.clause(id)!.conditions.filter((c) => conditionHolds(input.profile, c) === false)))].sort((a, b) => a - b);
    const supporting = [...(paths.get(clause.id)?.values() ?? [])].sort((a, b) => comparePaths(a, b) || byString(a.evidenceId, b.evidenceId));
    let status: RemapStatus;
    let reason: string | null = null;
    if (unmet.length > 0 || inheritedFrom.length > 0) {
      status = "not_applicable";
      const codes = inheritedFrom.map((id) => graph.clause(id)!.code);
      reason = unmet.length > 0 ? notApplicableReason([...new Set(unmet)].sort((a, b) => a - b)) : `${notApplicableReason(inheritedUnmet)} (inherited from ${codes.join(", ")})`;
    } else if (supporting.some((p) => p.grade === "full")) {
      status = "covered";
    } else if (supporting.length > 0) {
      status = "partial";
    } else {
      status = "gap";
    }
    const retest: RetestFlag[] = [];
    if (graph.isNewInTarget(clause.id)) retest.push("new_in_target");
    if (input.retestBefore && supporting.some((p) => {
      const e = evidence.find((x) => x.id === p.evidenceId);
      return e?.effectiveDate != null && e.effectiveDate < input.retestBefore!;
    })) retest.push("evidence_before_cutoff");
    const existing = existingByClause.get(clause.id) ?? null;
    const { conflict, ...merged } = merge(existing, status);
    return {
      clauseId: clause.id,
      status,
      reason,
      explanation: {
        // Steps come from the graph's memo, shared by every SKU of the run: each result gets its own copy.
        paths: supporting.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s })) })),
        ignoredEvidence: [...(ignored.get(clause.id)?.values() ?? [])].filter((i) => !paths.get(clause.id)?.has(i.id)).sort((a, b) => byString(a.id, b.id)),
        unmetConditions: [...new Set(unmet.length ? unmet : inheritedUnmet)].sort((a, b) => a - b),
        inheritedFrom,
      },
      retest,
      existing,
      merged,
      conflict,
    };
  });
}
