/**
 * Catalog change impact: what a new revision of a catalog or a mapping set changes, item by item,
 * and whether each change can make an existing assessment wrong ("needs review").
 *
 * - Clauses match on their code, mappings on (source, target); an item only in the new revision is
 *   "added", only in the previous one "removed", in both with different content "changed".
 * - A removed clause or mapping always needs review. A change needs review when it touches what the
 *   clause requires (title, summary, status, conditions, features, subject, test type, IXITs,
 *   provisional) or how far a mapping carries evidence (relation, strength). Editorial fields (group,
 *   title source, confidence, source, notes; a mapping's basis, certainty, rationale, inferred) are
 *   listed but flag nothing. A field this code does not know is treated as substantive.
 * - A condition whose text changed or disappeared changes every clause (present in both revisions)
 *   that depends on it.
 * - Additions flag nothing: no existing assessment rests on them.
 * - Output order: the new revision's order, then removed items in the previous revision's order.
 */

export type ReferenceChangeKind = "added" | "removed" | "changed";

export interface ReferenceChangeReason {
  // A field of the item ("title", "relation"...), or "condition" for a changed condition text.
  field: string;
  // Short values only (status, conditions, relation, strength, a condition id); texts have none.
  before?: string;
  after?: string;
}

export interface ReferenceChange {
  kind: ReferenceChangeKind;
  // Clause code, or "source -> target" for a mapping (target "(none)" for not_related).
  key: string;
  reasons: ReferenceChangeReason[];
  // English one-liner, e.g. "relation equal → intersect; strength 8 → 5" (the UI translates reasons).
  why: string;
  needsReview: boolean;
}

export interface ImpactClause {
  code: string;
  conditions?: readonly number[];
  [field: string]: unknown;
}

export interface ImpactCondition {
  id: number;
  [field: string]: unknown;
}

export interface ImpactCatalog {
  clauses: readonly ImpactClause[];
  conditions?: readonly ImpactCondition[];
}

export interface ImpactMapping {
  source: string;
  target?: string | null;
  relation: string;
  strength: number;
  [field: string]: unknown;
}

export interface ReferenceChangeCounts {
  added: number;
  removed: number;
  changed: number;
  needsReview: number;
}

const EDITORIAL_CLAUSE_FIELDS: ReadonlySet<string> = new Set(["group", "titleSource", "confidence", "source", "note"]);
const EDITORIAL_MAPPING_FIELDS: ReadonlySet<string> = new Set(["inferred", "certainty", "basis", "rationale"]);
// Matched on, so never reported as a changed field.
const CLAUSE_KEY_FIELDS: ReadonlySet<string> = new Set(["code"]);
const MAPPING_KEY_FIELDS: ReadonlySet<string> = new Set(["source", "target"]);

/** Same key as the catalog package's mapping diff, so both name a decision alike. */
export function mappingChangeKey(mapping: Pick<ImpactMapping, "source" | "target">): string {
  return `${mapping.source} -> ${mapping.target ?? "(none)"}`;
}

export function diffCatalogImpact(before: ImpactCatalog, after: ImpactCatalog): ReferenceChange[] {
  const changedConditions = changedConditionIds(before.conditions ?? [], after.conditions ?? []);
  return diffItems(before.clauses, after.clauses, (c) => c.code, {
    noun: "clause",
    keyFields: CLAUSE_KEY_FIELDS,
    editorial: EDITORIAL_CLAUSE_FIELDS,
    extraReasons: (previous, next) =>
      [...new Set(next.conditions ?? [])]
        .filter((id) => changedConditions.has(id) && (previous.conditions ?? []).includes(id))
        .sort((a, b) => a - b)
        .map((id) => ({ field: "condition", after: String(id) })),
  });
}

export function diffMappingImpact(before: readonly ImpactMapping[], after: readonly ImpactMapping[]): ReferenceChange[] {
  return diffItems(before, after, mappingChangeKey, { noun: "mapping", keyFields: MAPPING_KEY_FIELDS, editorial: EDITORIAL_MAPPING_FIELDS });
}

export function countReferenceChanges(changes: readonly ReferenceChange[]): ReferenceChangeCounts {
  const counts: ReferenceChangeCounts = { added: 0, removed: 0, changed: 0, needsReview: 0 };
  for (const change of changes) {
    counts[change.kind] += 1;
    if (change.needsReview) counts.needsReview += 1;
  }
  return counts;
}

/** The English sentence of one change, from its reasons (stored alongside them for logs and audits). */
export function describeReferenceChange(change: Pick<ReferenceChange, "kind" | "reasons">, noun: "clause" | "mapping"): string {
  if (change.kind !== "changed") return `${noun} ${change.kind}`;
  return change.reasons
    .map((r) => {
      if (r.field === "condition") return `condition ${r.after} text changed`;
      return r.before !== undefined || r.after !== undefined ? `${r.field} ${r.before ?? "—"} → ${r.after ?? "—"}` : `${r.field} changed`;
    })
    .join("; ");
}

interface DiffOptions<T> {
  noun: "clause" | "mapping";
  keyFields: ReadonlySet<string>;
  editorial: ReadonlySet<string>;
  extraReasons?: (previous: T, next: T) => ReferenceChangeReason[];
}

function diffItems<T extends object>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string, options: DiffOptions<T>): ReferenceChange[] {
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterKeys = new Set(after.map(keyOf));
  const seen = new Set<string>();
  const changes: ReferenceChange[] = [];
  const push = (kind: ReferenceChangeKind, key: string, reasons: ReferenceChangeReason[], needsReview: boolean) =>
    changes.push({ kind, key, reasons, why: describeReferenceChange({ kind, reasons }, options.noun), needsReview });

  for (const item of after) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const previous = beforeByKey.get(key);
    if (!previous) {
      push("added", key, [], false);
      continue;
    }
    const fields = changedFields(previous, item).filter((f) => !options.keyFields.has(f));
    const reasons = [...fields.map((field) => reasonFor(field, previous, item)), ...(options.extraReasons?.(previous, item) ?? [])];
    if (reasons.length === 0) continue;
    const needsReview = reasons.some((r) => r.field === "condition" || !options.editorial.has(r.field));
    push("changed", key, reasons, needsReview);
  }
  const removed = new Set<string>();
  for (const item of before) {
    const key = keyOf(item);
    if (afterKeys.has(key) || removed.has(key)) continue;
    removed.add(key);
    push("removed", key, [], true);
  }
  return changes;
}

// Ids of conditions whose text changed or that no longer exist.
function changedConditionIds(before: readonly ImpactCondition[], after: readonly ImpactCondition[]): Set<number> {
  const afterById = new Map(after.map((c) => [c.id, c]));
  return new Set(before.filter((c) => !afterById.has(c.id) || stableJson(c) !== stableJson(afterById.get(c.id))).map((c) => c.id));
}

function changedFields(before: object, after: object): string[] {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].filter((key) => stableJson(left[key]) !== stableJson(right[key])).sort();
}

function reasonFor(field: string, before: object, after: object): ReferenceChangeReason {
  const previous = shortValue((before as Record<string, unknown>)[field]);
  const next = shortValue((after as Record<string, unknown>)[field]);
  // Both sides are shown, or neither: "title changed" rather than half of a long text.
  if (previous === null || next === null) return { field };
  return { field, ...(previous !== undefined ? { before: previous } : {}), ...(next !== undefined ? { after: next } : {}) };
}

const SHORT_TEXT = 24;

// A value short enough to show as "before → after": undefined when absent, null when it is a text.
function shortValue(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value.length <= SHORT_TEXT ? value : null;
  if (Array.isArray(value) && value.every((v) => typeof v === "number" || (typeof v === "string" && v.length <= SHORT_TEXT))) {
    const text = value.join(", ");
    return text.length <= SHORT_TEXT * 2 ? text : null;
  }
  return null;
}

// Key-order independent JSON: two documents differ only when their content does.
function stableJson(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}
