import type { Catalog, Clause } from "./schema/catalog-schema";
import type { MappingSet } from "./schema/mapping-set-schema";

export interface UnknownClauseRef {
  /** Index in mappingSet.mappings. */
  index: number;
  code: string;
}

export interface MappingSetReferenceReport {
  ok: boolean;
  /** The set names other catalog versions than the ones given. */
  catalogMismatches: string[];
  unknownSources: UnknownClauseRef[];
  unknownTargets: UnknownClauseRef[];
  /** Codes of source clauses that have no decision (neither a mapping nor not_related). */
  missingDecisions: string[];
}

export interface ReferenceCheckOptions {
  /** Which source clauses must have a decision; all of them by default. */
  requiresDecision?: (clause: Clause) => boolean;
}

/** Checks a mapping set against its source and target catalog versions. */
export function validateMappingSetReferences(
  mappingSet: MappingSet,
  sourceCatalog: Catalog,
  targetCatalog: Catalog,
  options: ReferenceCheckOptions = {},
): MappingSetReferenceReport {
  const catalogMismatches: string[] = [];
  for (const [role, ref, catalog] of [
    ["source", mappingSet.sourceCatalog, sourceCatalog],
    ["target", mappingSet.targetCatalog, targetCatalog],
  ] as const) {
    if (ref.regulation !== catalog.regulation || ref.version !== catalog.version) {
      catalogMismatches.push(
        `${role} catalog is ${ref.regulation}@${ref.version} but ${catalog.regulation}@${catalog.version} was given`,
      );
    }
  }

  const sourceCodes = new Set(sourceCatalog.clauses.map((clause) => clause.code));
  const targetCodes = new Set(targetCatalog.clauses.map((clause) => clause.code));
  const unknownSources: UnknownClauseRef[] = [];
  const unknownTargets: UnknownClauseRef[] = [];
  const decided = new Set<string>();
  mappingSet.mappings.forEach((mapping, index) => {
    if (!sourceCodes.has(mapping.source)) unknownSources.push({ index, code: mapping.source });
    if (mapping.target !== undefined && !targetCodes.has(mapping.target)) unknownTargets.push({ index, code: mapping.target });
    decided.add(mapping.source);
  });

  const requiresDecision = options.requiresDecision ?? (() => true);
  const missingDecisions = sourceCatalog.clauses
    .filter((clause) => requiresDecision(clause) && !decided.has(clause.code))
    .map((clause) => clause.code);

  return {
    ok: catalogMismatches.length === 0 && unknownSources.length === 0 && unknownTargets.length === 0 && missingDecisions.length === 0,
    catalogMismatches,
    unknownSources,
    unknownTargets,
    missingDecisions,
  };
}
