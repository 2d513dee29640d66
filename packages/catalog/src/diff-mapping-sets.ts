import { diffByKey, type ItemDiff } from "./diff-by-key";
import type { ClauseMapping, MappingSet } from "./schema/mapping-set-schema";

/** Key of a mapping decision: a not_related decision has no target. */
export function mappingKey(mapping: ClauseMapping): string {
  return `${mapping.source} -> ${mapping.target ?? "(none)"}`;
}

/** Compares two versions of a mapping set, decisions matched on (source, target). */
export function diffMappingSets(before: MappingSet, after: MappingSet): ItemDiff<ClauseMapping> {
  return diffByKey(before.mappings, after.mappings, mappingKey);
}
