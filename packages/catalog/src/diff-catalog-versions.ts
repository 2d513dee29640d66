import { diffByKey, type ItemDiff } from "./diff-by-key";
import type { Catalog, Clause, RequirementGroup } from "./schema/catalog-schema";

export interface CatalogVersionDiff {
  groups: ItemDiff<RequirementGroup>;
  clauses: ItemDiff<Clause>;
}

/** Compares two catalog versions clause by clause (and group by group), matched on code. */
export function diffCatalogVersions(before: Catalog, after: Catalog): CatalogVersionDiff {
  return {
    groups: diffByKey(before.groups, after.groups, (group) => group.code),
    clauses: diffByKey(before.clauses, after.clauses, (clause) => clause.code),
  };
}
