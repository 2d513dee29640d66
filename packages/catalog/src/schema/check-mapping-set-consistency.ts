import { asRecord, asRecords, asString, checkSourceRefs, findDuplicates, type ConsistencyIssue } from "./consistency";

export function checkMappingSetConsistency(input: unknown): ConsistencyIssue[] {
  const set = asRecord(input);
  const mappings = asRecords(set.mappings);
  const issues: ConsistencyIssue[] = [
    ...findDuplicates(
      mappings,
      (m) => (asString(m.source) === undefined ? undefined : `${asString(m.source)} -> ${asString(m.target) ?? "(none)"}`),
      (i) => ["mappings", i],
      (key) => `mapping ${key}`,
    ),
    ...checkSourceRefs(set, [{ name: "mappings", field: "basis" }]),
  ];

  const relatedSources = new Set<string>();
  mappings.forEach((mapping) => {
    const source = asString(mapping.source);
    if (source !== undefined && mapping.relation !== "not_related") relatedSources.add(source);
  });

  mappings.forEach((mapping, index) => {
    const source = asString(mapping.source);
    if (mapping.relation === "not_related") {
      if (mapping.target !== undefined) {
        issues.push({ path: ["mappings", index, "target"], message: "a not_related decision has no target" });
      }
      if (mapping.strength !== undefined && mapping.strength !== 0) {
        issues.push({ path: ["mappings", index, "strength"], message: "a not_related decision has strength 0" });
      }
      if (mapping.rationale === undefined) {
        issues.push({ path: ["mappings", index, "rationale"], message: "a not_related decision needs a rationale" });
      }
      if (source !== undefined && relatedSources.has(source)) {
        issues.push({ path: ["mappings", index, "relation"], message: `"${source}" is both mapped and declared not_related` });
      }
      return;
    }
    if (mapping.relation !== undefined && mapping.target === undefined) {
      issues.push({ path: ["mappings", index, "target"], message: `a ${String(mapping.relation)} mapping needs a target` });
    }
    if (mapping.inferred === true && mapping.rationale === undefined) {
      issues.push({ path: ["mappings", index, "rationale"], message: "an inferred mapping needs a rationale" });
    }
  });
  return issues;
}
