import { asRecord, asRecords, asString, checkSourceRefs, findDuplicates, type ConsistencyIssue } from "./consistency";

const PUBLISHED = new Set(["published", "amended"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkRiskListConsistency(input: unknown): ConsistencyIssue[] {
  const list = asRecord(input);
  const entries = asRecords(list.entries);
  const obligations = asRecords(list.obligations);
  const issues: ConsistencyIssue[] = [
    ...findDuplicates(entries, (e) => asString(e.id), (i) => ["entries", i, "id"], (key) => `entry id "${key}"`),
    ...findDuplicates(
      entries,
      entryKey,
      (i) => ["entries", i, entries[i]?.hsCodePrefix === undefined ? "category" : "hsCodePrefix"],
      (key) => `the entry for ${describeKey(key)}`,
    ),
    ...findDuplicates(obligations, (o) => asString(o.riskClass), (i) => ["obligations", i, "riskClass"], (key) => `obligations for ${key}`),
    ...checkSourceRefs(list, [
      { name: "entries", field: "source" },
      { name: "obligations", field: "source" },
    ]),
    ...checkFileSource(list),
    ...checkStatus(list, entries),
    ...checkDates(list),
  ];

  entries.forEach((entry, index) => {
    if (entry.hsCodePrefix === undefined && entry.category === undefined) {
      issues.push({ path: ["entries", index], message: "an entry needs an hsCodePrefix, a category or both" });
    }
  });

  // Obligations for a class no entry uses are a typo or a leftover; either way they would never apply.
  const usedClasses = new Set(entries.map((e) => asString(e.riskClass)));
  obligations.forEach((obligation, index) => {
    const riskClass = asString(obligation.riskClass);
    if (riskClass !== undefined && !usedClasses.has(riskClass)) {
      issues.push({ path: ["obligations", index, "riskClass"], message: `obligations for ${riskClass} but no entry has class ${riskClass}` });
    }
  });
  return issues;
}

/** Two entries collide when they match the same products: same HS digits (dots ignored) and same category. */
function entryKey(entry: Record<string, unknown>): string | undefined {
  const hs = asString(entry.hsCodePrefix);
  const category = asString(entry.category);
  if (hs === undefined && category === undefined) return undefined;
  return `${hs?.replaceAll(".", "") ?? ""}|${category?.trim().toLowerCase() ?? ""}`;
}

function describeKey(key: string): string {
  const [hs = "", category = ""] = key.split("|");
  return [hs && `HS ${hs}`, category && `category "${category}"`].filter(Boolean).join(" + ");
}

function checkFileSource(list: Record<string, unknown>): ConsistencyIssue[] {
  const source = asString(list.source);
  const known = new Set(asRecords(list.sources).map((s) => asString(s.id)));
  return source !== undefined && !known.has(source) ? [{ path: ["source"], message: `unknown source "${source}" (not in the header's sources)` }] : [];
}

function checkStatus(list: Record<string, unknown>, entries: Record<string, unknown>[]): ConsistencyIssue[] {
  const status = asString(list.status);
  const issues: ConsistencyIssue[] = [];
  // Classes that were never published must not look like facts.
  if (status === "not_published" && entries.length > 0) {
    issues.push({ path: ["entries"], message: "a list that is not published has no entries" });
  }
  if (status !== undefined && PUBLISHED.has(status)) {
    if (entries.length === 0 && Array.isArray(list.entries)) {
      issues.push({ path: ["entries"], message: `a list with status ${status} needs at least one entry` });
    }
    if (list.instrument === undefined) {
      issues.push({ path: ["status"], message: `a list with status ${status} needs an instrument (the text that publishes it)` });
    }
  }
  return issues;
}

function checkDates(list: Record<string, unknown>): ConsistencyIssue[] {
  const published = asString(list.publicationDate);
  const effective = asString(list.effectiveDate);
  if (published === undefined || effective === undefined || !ISO_DATE.test(published) || !ISO_DATE.test(effective)) return [];
  return effective < published ? [{ path: ["effectiveDate"], message: `effectiveDate ${effective} is before publicationDate ${published}` }] : [];
}
