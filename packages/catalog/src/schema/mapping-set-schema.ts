import { z } from "zod";
import { codeSchema, fileHeaderShape, localizedTextSchema, nonEmptyText, regulationCodeSchema, slugSchema } from "./common";
import { checkMappingSetConsistency } from "./check-mapping-set-consistency";
import { withConsistency } from "./consistency";

/** How the source clause relates to the target clause (CISO Assistant semantics: equal and superset
 * give full coverage of the target, subset and intersect partial, not_related none). */
export const mappingRelationSchema = z.enum(["equal", "subset", "superset", "intersect", "not_related"]);
export type MappingRelation = z.infer<typeof mappingRelationSchema>;

export const catalogRefSchema = z.strictObject({
  regulation: regulationCodeSchema,
  version: nonEmptyText,
});
export type CatalogRef = z.infer<typeof catalogRefSchema>;

export const clauseMappingSchema = z.strictObject({
  source: codeSchema,
  /** Absent only for not_related: the decision that the source item has no counterpart. */
  target: codeSchema.optional(),
  relation: mappingRelationSchema,
  strength: z.number().int().min(0).max(10),
  /** true when no published mapping backs the decision. */
  inferred: z.boolean(),
  /** How sure an inferred decision is (the reference's high / medium / low). */
  certainty: z.enum(["high", "medium", "low"]).optional(),
  /** Id of the header source the decision rests on. */
  basis: slugSchema,
  rationale: nonEmptyText.optional(),
});

export const mappingSetStructureSchema = z.strictObject({
  kind: z.literal("mapping-set"),
  id: slugSchema,
  ...fileHeaderShape,
  title: localizedTextSchema,
  sourceCatalog: catalogRefSchema,
  targetCatalog: catalogRefSchema,
  mappings: z.array(clauseMappingSchema).min(1),
});

export const mappingSetSchema = withConsistency(mappingSetStructureSchema, checkMappingSetConsistency);

export type MappingSet = z.infer<typeof mappingSetStructureSchema>;
export type ClauseMapping = z.infer<typeof clauseMappingSchema>;
