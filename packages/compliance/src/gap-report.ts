/**
 * Gap report content: for each SKU, the target (QCVN 11) clauses that are not met yet — merged status
 * "gap" or "partial", so a reviewer's manual decision counts — grouped by requirement group in
 * catalog order, with why (the evidence that partially supports the clause and through which
 * mappings, evidence that does not count) and what would close it (the ETSI EN 303 645 provisions
 * mapped to the clause, the TS 103 701 test cases that test them and the IXIT forms those need).
 *
 * Pure and locale-independent: texts stay { vi, en }; the renderers pick the language. Every list is
 * sorted, so the same input gives the same content (and the same CSV/PDF bytes).
 */
import type { EvidenceVerdict } from "./derive-assessments";
import type { AssessmentOriginName, AssessmentStatusName, MappingRelationName, RemapProposal, RemapStatus, RetestFlag, SupportGrade } from "./remap-engine";

export interface LocalizedText {
  vi: string | null;
  en: string | null;
}

export const GAP_STATUSES = ["gap", "partial"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export interface GapReportCatalogInput {
  // Version label and revision of the target catalog, e.g. "2026-provisional-1" r1.
  version: string;
  revision: number;
  provisional: boolean;
  groups: readonly { id: string; code: string; titleVi: string | null; titleEn: string | null }[];
  // In catalog order (group position, then clause position).
  clauses: readonly { id: string; code: string; groupId: string; titleVi: string | null; titleEn: string | null }[];
}

export interface GapCloserRef {
  code: string;
  title: LocalizedText;
}

/** What would close a target clause, from the catalog data (never invented). */
export interface GapClosersInput {
  // The ETSI EN 303 645 provisions mapped to the clause (directly or through QCVN 135), with the
  // codes of the TS 103 701 test cases recorded for each (empty: none recorded).
  etsiProvisions: readonly (GapCloserRef & { testCaseCodes: readonly string[] })[];
  // Each test case with the ids of the IXIT forms it needs.
  testCases: readonly (GapCloserRef & { ixitFormCodes: readonly string[] })[];
  ixitForms: readonly GapCloserRef[];
}

export interface GapReportSkuInput {
  skuId: string;
  modelCode: string;
  hardwareRevision: string;
  firmwareVersion: string | null;
  // The re-mapping proposals of every target clause (remapSku's output).
  proposals: readonly RemapProposal[];
}

export interface GapReportInput {
  organization: { name: string; slug: string };
  // ISO date the report is generated for: evidence validity and the document date use it.
  generatedOn: string;
  scope: "sku" | "organization";
  catalog: GapReportCatalogInput;
  skus: readonly GapReportSkuInput[];
  closers: ReadonlyMap<string, GapClosersInput>;
  // Display labels of the clauses named on support paths ("QCVN 135:2024/BTTTT 2.2.1").
  clauseLabels: ReadonlyMap<string, string>;
  mappingSets: ReadonlyMap<string, { key: string; title: LocalizedText }>;
}

export interface GapSupportStep {
  relation: MappingRelationName;
  strength: number;
  mappingSet: { key: string; title: LocalizedText };
  to: string;
}

export interface GapSupport {
  evidenceTitle: string;
  grade: SupportGrade;
  // Where the chain starts: the clause the evidence is linked to.
  linkedClause: string;
  steps: GapSupportStep[];
}

export interface GapClosers {
  etsiProvisions: (GapCloserRef & { testCaseCodes: string[] })[];
  testCases: (GapCloserRef & { ixitFormCodes: string[] })[];
  ixitForms: GapCloserRef[];
  // Provisions the data records no TS 103 701 test case for: said in the report, not guessed.
  provisionsWithoutTestCase: string[];
}

export interface GapReportClause {
  clauseId: string;
  code: string;
  title: LocalizedText;
  status: GapStatus;
  origin: AssessmentOriginName;
  // What the evidence and mappings alone say (differs from status under a manual decision).
  proposedStatus: RemapStatus;
  support: GapSupport[];
  ignoredEvidence: { title: string; verdict: EvidenceVerdict }[];
  retest: RetestFlag[];
  conflict: { manualStatus: AssessmentStatusName; proposedStatus: RemapStatus } | null;
  closers: GapClosers;
}

export interface GapReportGroup {
  code: string;
  title: LocalizedText;
  clauses: GapReportClause[];
}

export interface GapReportConflict {
  clauseId: string;
  code: string;
  title: LocalizedText;
  manualStatus: AssessmentStatusName;
  proposedStatus: RemapStatus;
}

export interface GapCounts {
  gap: number;
  partial: number;
  conflicts: number;
  retest: number;
}

export interface GapReportSku {
  skuId: string;
  modelCode: string;
  hardwareRevision: string;
  firmwareVersion: string | null;
  counts: GapCounts;
  // Only groups with at least one gap or partial clause.
  groups: GapReportGroup[];
  // Manual decisions the evidence disagrees with whose status is not a gap (e.g. manual "covered"
  // where the mappings find nothing): listed so a reviewer can re-check them.
  otherConflicts: GapReportConflict[];
}

export interface GapReportContent {
  organization: { name: string; slug: string };
  generatedOn: string;
  scope: "sku" | "organization";
  catalog: { version: string; revision: number; provisional: boolean };
  totals: GapCounts & { skus: number; skusWithGaps: number };
  skus: GapReportSku[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const text = (vi: string | null, en: string | null): LocalizedText => ({ vi, en });
const isGap = (status: AssessmentStatusName): status is GapStatus => (GAP_STATUSES as readonly string[]).includes(status);

// "5.1-10" after "5.1-9", "10-SecParam" after "9-ReplSup": codes compare by their number runs.
export function compareCodes(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i += 1) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y) || byString(x, y);
    return byString(x, y);
  }
  return pa.length - pb.length || byString(a, b);
}

const NO_CLOSERS: GapClosersInput = { etsiProvisions: [], testCases: [], ixitForms: [] };

// Entries named twice (a provision reached through two mapping sets) are merged: their lists are
// united and the smallest title of each language wins, so the result does not depend on input order.
function mergeByCode<T extends GapCloserRef>(items: readonly T[], listOf: (item: T) => readonly string[]): (GapCloserRef & { codes: string[] })[] {
  const merged = new Map<string, { code: string; vi: string[]; en: string[]; codes: Set<string> }>();
  for (const item of items) {
    const entry = merged.get(item.code) ?? { code: item.code, vi: [], en: [], codes: new Set<string>() };
    if (item.title.vi) entry.vi.push(item.title.vi);
    if (item.title.en) entry.en.push(item.title.en);
    for (const code of listOf(item)) entry.codes.add(code);
    merged.set(item.code, entry);
  }
  return [...merged.values()]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((e) => ({ code: e.code, title: text(e.vi.sort(byString)[0] ?? null, e.en.sort(byString)[0] ?? null), codes: [...e.codes].sort(compareCodes) }));
}

function closersOf(input: GapClosersInput | undefined): GapClosers {
  const source = input ?? NO_CLOSERS;
  const etsiProvisions = mergeByCode(source.etsiProvisions, (p) => p.testCaseCodes).map(({ codes, ...p }) => ({ ...p, testCaseCodes: codes }));
  const testCases = mergeByCode(source.testCases, (t) => t.ixitFormCodes).map(({ codes, ...t }) => ({ ...t, ixitFormCodes: codes }));
  const ixitForms = mergeByCode(source.ixitForms, () => []).map(({ code, title }) => ({ code, title }));
  return { etsiProvisions, testCases, ixitForms, provisionsWithoutTestCase: etsiProvisions.filter((p) => p.testCaseCodes.length === 0).map((p) => p.code) };
}

export function buildGapReportContent(input: GapReportInput): GapReportContent {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.generatedOn)) throw new Error(`buildGapReportContent: generatedOn must be an ISO date "YYYY-MM-DD", got ${JSON.stringify(input.generatedOn)}`);
  const groupById = new Map(input.catalog.groups.map((g) => [g.id, g]));
  const groupOrder = new Map(input.catalog.groups.map((g, i) => [g.id, i]));
  const clauseOrder = new Map(input.catalog.clauses.map((c, i) => [c.id, i]));
  const clauseById = new Map(input.catalog.clauses.map((c) => [c.id, c]));
  const label = (clauseId: string) => input.clauseLabels.get(clauseId) ?? clauseById.get(clauseId)?.code ?? clauseId;
  const mappingSet = (id: string) => {
    const set = input.mappingSets.get(id);
    return set ? { key: set.key, title: { ...set.title } } : { key: id, title: text(null, null) };
  };
  // Closers depend on the clause only: built once and copied into each SKU's report.
  const closersByClause = new Map<string, GapClosers>();
  const closers = (clauseId: string) => {
    let found = closersByClause.get(clauseId);
    if (!found) {
      found = closersOf(input.closers.get(clauseId));
      closersByClause.set(clauseId, found);
    }
    return structuredClone(found);
  };

  const skus = [...input.skus]
    .sort((a, b) => byString(a.modelCode, b.modelCode) || byString(a.hardwareRevision, b.hardwareRevision) || byString(a.skuId, b.skuId))
    .map((sku): GapReportSku => {
      // Proposals for clauses outside the catalog (a stale input) are ignored; catalog order decides.
      const proposals = sku.proposals.filter((p) => clauseById.has(p.clauseId)).sort((a, b) => clauseOrder.get(a.clauseId)! - clauseOrder.get(b.clauseId)!);
      const groups = new Map<string, GapReportGroup>();
      const otherConflicts: GapReportConflict[] = [];
      const counts: GapCounts = { gap: 0, partial: 0, conflicts: 0, retest: 0 };
      for (const p of proposals) {
        const clause = clauseById.get(p.clauseId)!;
        if (p.conflict) counts.conflicts += 1;
        const status = p.merged.status;
        if (!isGap(status)) {
          if (p.conflict) otherConflicts.push({ clauseId: clause.id, code: clause.code, title: text(clause.titleVi, clause.titleEn), ...p.conflict });
          continue;
        }
        counts[status] += 1;
        if (p.retest.length > 0) counts.retest += 1;
        const group = groupById.get(clause.groupId);
        const entry = groups.get(clause.groupId) ?? { code: group?.code ?? "", title: text(group?.titleVi ?? null, group?.titleEn ?? null), clauses: [] };
        groups.set(clause.groupId, entry);
        entry.clauses.push({
          clauseId: clause.id,
          code: clause.code,
          title: text(clause.titleVi, clause.titleEn),
          status,
          origin: p.merged.origin,
          proposedStatus: p.status,
          support: p.explanation.paths.map((path) => ({
            evidenceTitle: path.evidenceTitle,
            grade: path.grade,
            linkedClause: label(path.linkedClauseId),
            steps: path.steps.map((s) => ({ relation: s.relation, strength: s.strength, mappingSet: mappingSet(s.mappingSetId), to: label(s.toClauseId) })),
          })),
          ignoredEvidence: p.explanation.ignoredEvidence.map((e) => ({ title: e.title, verdict: e.verdict })),
          retest: [...p.retest],
          conflict: p.conflict ? { ...p.conflict } : null,
          closers: closers(clause.id),
        });
      }
      return {
        skuId: sku.skuId,
        modelCode: sku.modelCode,
        hardwareRevision: sku.hardwareRevision,
        firmwareVersion: sku.firmwareVersion,
        counts,
        groups: [...groups.entries()].sort(([a], [b]) => (groupOrder.get(a) ?? 0) - (groupOrder.get(b) ?? 0)).map(([, g]) => g),
        otherConflicts,
      };
    });

  const totals = { skus: skus.length, skusWithGaps: 0, gap: 0, partial: 0, conflicts: 0, retest: 0 };
  for (const s of skus) {
    if (s.counts.gap + s.counts.partial > 0) totals.skusWithGaps += 1;
    totals.gap += s.counts.gap;
    totals.partial += s.counts.partial;
    totals.conflicts += s.counts.conflicts;
    totals.retest += s.counts.retest;
  }
  return {
    organization: { ...input.organization },
    generatedOn: input.generatedOn,
    scope: input.scope,
    catalog: { version: input.catalog.version, revision: input.catalog.revision, provisional: input.catalog.provisional },
    totals,
    skus,
  };
}
