import { z } from "zod";
import {
  codeSchema,
  confidenceSchema,
  fileHeaderShape,
  localizedTextSchema,
  nonEmptyText,
  regulationCodeSchema,
  slugSchema,
} from "./common";
import { checkCatalogConsistency } from "./check-catalog-consistency";
import { withConsistency } from "./consistency";

/** official = wording from the published text; paraphrase = our one-line summary of known content;
 * derived = the text itself was not seen, the title comes from a mapped provision. */
export const titleSourceSchema = z.enum(["official", "paraphrase", "derived"]);

export const conditionSchema = z.strictObject({
  id: z.number().int().positive(),
  text: localizedTextSchema,
});

export const featureSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{1,2}$/, "expected a feature letter a..zz"),
  text: localizedTextSchema,
});

/** TS 103 701 "Implementation eXtra Information for Testing" pro forma. */
export const ixitFormSchema = z.strictObject({
  id: z.string().regex(/^\d+-[A-Za-z]+$/, "expected an IXIT id such as 1-AuthMech"),
  name: nonEmptyText,
  fields: z.array(nonEmptyText),
  source: slugSchema,
  note: nonEmptyText.optional(),
});

export const requirementGroupSchema = z.strictObject({
  code: codeSchema,
  title: localizedTextSchema,
  titleSource: titleSourceSchema.optional(),
  provisional: z.boolean().optional(),
  confidence: confidenceSchema.optional(),
  source: slugSchema,
  note: nonEmptyText.optional(),
});

export const clauseSchema = z.strictObject({
  code: codeSchema,
  group: codeSchema,
  title: localizedTextSchema,
  titleSource: titleSourceSchema.optional(),
  summary: localizedTextSchema.optional(),
  status: nonEmptyText.optional(),
  conditions: z.array(z.number().int().positive()).min(1).optional(),
  features: z.array(z.string().regex(/^[a-z]{1,2}$/)).min(1).optional(),
  subject: z.enum(["device", "manufacturer"]).optional(),
  testType: z.enum(["conceptual", "functional", "conceptual_functional"]).optional(),
  ixits: z.array(nonEmptyText).min(1).optional(),
  provisional: z.boolean().optional(),
  confidence: confidenceSchema.optional(),
  source: slugSchema,
  note: nonEmptyText.optional(),
});

export const catalogStructureSchema = z.strictObject({
  kind: z.literal("catalog"),
  regulation: regulationCodeSchema,
  ...fileHeaderShape,
  title: localizedTextSchema,
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional(),
  codeScheme: z.enum(["official", "derived"]),
  conditions: z.array(conditionSchema).optional(),
  features: z.array(featureSchema).optional(),
  ixitForms: z.array(ixitFormSchema).optional(),
  groups: z.array(requirementGroupSchema).min(1),
  clauses: z.array(clauseSchema).min(1),
});

export const catalogSchema = withConsistency(catalogStructureSchema, checkCatalogConsistency);

export type Catalog = z.infer<typeof catalogStructureSchema>;
export type RequirementGroup = z.infer<typeof requirementGroupSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type CatalogCondition = z.infer<typeof conditionSchema>;
export type CatalogFeature = z.infer<typeof featureSchema>;
export type IxitForm = z.infer<typeof ixitFormSchema>;
export type TitleSource = z.infer<typeof titleSourceSchema>;
