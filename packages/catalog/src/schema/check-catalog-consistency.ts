import { formatClauseStatus, parseClauseStatus } from "../clause-status";
import {
  asRecord,
  asRecords,
  asString,
  checkSourceRefs,
  findDuplicates,
  type ConsistencyIssue,
  type LooseRecord,
} from "./consistency";

export function checkCatalogConsistency(input: unknown): ConsistencyIssue[] {
  const catalog = asRecord(input);
  const groups = asRecords(catalog.groups);
  const clauses = asRecords(catalog.clauses);
  const code = (item: LooseRecord) => asString(item.code);
  const id = (item: LooseRecord) => (item.id === undefined ? undefined : String(item.id));

  return [
    ...findDuplicates(groups, code, (i) => ["groups", i, "code"], (key) => `group code "${key}"`),
    ...findDuplicates(clauses, code, (i) => ["clauses", i, "code"], (key) => `clause code "${key}"`),
    ...findDuplicates(asRecords(catalog.conditions), id, (i) => ["conditions", i, "id"], (key) => `condition ${key}`),
    ...findDuplicates(asRecords(catalog.features), id, (i) => ["features", i, "id"], (key) => `feature "${key}"`),
    ...findDuplicates(asRecords(catalog.ixitForms), id, (i) => ["ixitForms", i, "id"], (key) => `IXIT "${key}"`),
    ...checkGroupMembership(groups, clauses),
    ...checkStatuses(catalog, clauses),
    ...checkIxitRefs(catalog, clauses),
    ...checkSourceRefs(catalog, [
      { name: "groups", field: "source" },
      { name: "clauses", field: "source" },
      { name: "ixitForms", field: "source" },
    ]),
  ];
}

/** Clauses are listed group by group in the groups' order, so every layout (YAML, CSV) reads the same. */
function checkGroupMembership(groups: LooseRecord[], clauses: LooseRecord[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const groupIndex = new Map<string, number>();
  groups.forEach((group, index) => {
    const code = asString(group.code);
    if (code !== undefined && !groupIndex.has(code)) groupIndex.set(code, index);
  });
  const used = new Set<number>();
  let previous = -1;
  clauses.forEach((clause, index) => {
    const group = asString(clause.group);
    if (group === undefined) return;
    const position = groupIndex.get(group);
    if (position === undefined) {
      issues.push({ path: ["clauses", index, "group"], message: `unknown group "${group}"` });
      return;
    }
    if (position < previous) {
      issues.push({
        path: ["clauses", index, "group"],
        message: `clauses must be listed in the order of their groups: group "${group}" comes before an earlier clause's group`,
      });
    }
    previous = Math.max(previous, position);
    used.add(position);
  });
  groups.forEach((group, index) => {
    if (!used.has(index) && asString(group.code) !== undefined) {
      issues.push({ path: ["groups", index], message: `group "${asString(group.code)}" has no clauses` });
    }
  });
  return issues;
}

function checkStatuses(catalog: LooseRecord, clauses: LooseRecord[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const knownConditions = new Set(asRecords(catalog.conditions).map((c) => c.id));
  const knownFeatures = new Set(asRecords(catalog.features).map((f) => f.id));
  clauses.forEach((clause, index) => {
    const conditions = Array.isArray(clause.conditions) ? clause.conditions : [];
    const features = Array.isArray(clause.features) ? clause.features : [];
    conditions.forEach((condition, position) => {
      if (typeof condition === "number" && !knownConditions.has(condition)) {
        issues.push({ path: ["clauses", index, "conditions", position], message: `unknown condition ${String(condition)}` });
      }
    });
    features.forEach((feature, position) => {
      if (typeof feature === "string" && !knownFeatures.has(feature)) {
        issues.push({ path: ["clauses", index, "features", position], message: `unknown feature "${String(feature)}"` });
      }
    });

    const status = asString(clause.status);
    if (status === undefined) {
      if (conditions.length > 0 || features.length > 0) {
        issues.push({ path: ["clauses", index, "status"], message: "conditions or features need a status that names them" });
      }
      return;
    }
    const parsed = parseClauseStatus(status);
    if (!parsed) {
      issues.push({
        path: ["clauses", index, "status"],
        message: `status "${status}" is not of the form M, R, M C (1), R C (9, 12), M F (a) or M C (14) F (e)`,
      });
      return;
    }
    const numbers = conditions.filter((c): c is number => typeof c === "number");
    const letters = features.filter((f): f is string => typeof f === "string");
    // Malformed list items are reported by the schema; comparing against a partial list would only add noise.
    if (numbers.length !== conditions.length || letters.length !== features.length) return;
    const expected = formatClauseStatus({ obligation: parsed.obligation, conditions: numbers, features: letters });
    if (expected !== status) {
      issues.push({
        path: ["clauses", index, "status"],
        message: `status "${status}" does not match the clause's conditions/features (expected "${expected}")`,
      });
    }
  });
  return issues;
}

function checkIxitRefs(catalog: LooseRecord, clauses: LooseRecord[]): ConsistencyIssue[] {
  const known = new Set(asRecords(catalog.ixitForms).map((form) => asString(form.id)));
  const issues: ConsistencyIssue[] = [];
  clauses.forEach((clause, index) => {
    if (!Array.isArray(clause.ixits)) return;
    clause.ixits.forEach((ixit, position) => {
      if (typeof ixit === "string" && !known.has(ixit)) {
        issues.push({ path: ["clauses", index, "ixits", position], message: `unknown IXIT "${ixit}"` });
      }
    });
  });
  return issues;
}
