import { z } from "zod";
import { fileHeaderShape, localizedTextSchema, nonEmptyText, slugSchema } from "./common";
import { checkRiskListConsistency } from "./check-risk-list-consistency";
import { withConsistency } from "./consistency";

export const riskClassSchema = z.enum(["low", "medium", "high"]);
export type RiskClass = z.infer<typeof riskClassSchema>;

/** A fact the published text settles, or "unknown" while it does not; never a guess. */
export const triStateSchema = z.enum(["yes", "no", "unknown"]);
export type TriState = z.infer<typeof triStateSchema>;

export const riskListStatusSchema = z.enum(["not_published", "published", "amended", "superseded"]);
export type RiskListStatus = z.infer<typeof riskListStatusSchema>;

const DAYS_MESSAGE = 'expected a whole number of days (0 or more) or "unknown"';
const daysOrUnknown = z.union([z.number(DAYS_MESSAGE).int(DAYS_MESSAGE).min(0, DAYS_MESSAGE), z.literal("unknown")], DAYS_MESSAGE);

// Both dates are always written out: an unknown one says "TBD" so that nobody mistakes it for an omission.
const DATE_MESSAGE = 'expected an ISO date (YYYY-MM-DD) or "TBD"';
const dateOrTbd = z.union([z.iso.date(DATE_MESSAGE), z.literal("TBD")], {
  error: (issue) => (issue.input === undefined ? 'required: an ISO date (YYYY-MM-DD), or "TBD" while it is not known' : DATE_MESSAGE),
});

/** Digits with optional dots, 2–10 digits in all: 85, 8525, 8525.89, 8525.89.10. */
export const hsCodePrefixSchema = z
  .string('expected an HS code in quotes, such as "8525.89" (unquoted, YAML reads it as a number)')
  .regex(/^\d+(\.\d+)*$/, { error: "expected an HS code of digits and dots, such as 8525.89", abort: true })
  .refine((code) => /^\d{2,10}$/.test(code.replaceAll(".", "")), "an HS code prefix has 2 to 10 digits");

export const riskListEntrySchema = z.strictObject({
  id: slugSchema,
  hsCodePrefix: hsCodePrefixSchema.optional(),
  category: slugSchema.optional(),
  riskClass: riskClassSchema,
  title: localizedTextSchema.optional(),
  /** Defaults to the file's `source`. */
  source: slugSchema.optional(),
});

export const riskClassObligationsSchema = z.strictObject({
  riskClass: riskClassSchema,
  declarationRequired: triStateSchema,
  certificationRequired: triStateSchema,
  /** For products already on the market when the list takes effect. */
  gracePeriodDays: daysOrUnknown,
  redeclareOnNewFirmware: triStateSchema,
  redeclareWithinDays: daysOrUnknown,
  source: slugSchema.optional(),
});

export const riskListStructureSchema = z.strictObject({
  kind: z.literal("risk-list"),
  /** One id = one list; every import of changed content becomes its next revision. */
  id: slugSchema,
  ...fileHeaderShape,
  title: localizedTextSchema,
  status: riskListStatusSchema,
  instrument: z.strictObject({ name: nonEmptyText, number: nonEmptyText.optional() }).optional(),
  publicationDate: dateOrTbd,
  effectiveDate: dateOrTbd,
  /** Where this publication is cited: one of `sources`. */
  source: slugSchema,
  entries: z.array(riskListEntrySchema),
  /** Per risk class used by the entries; a class without obligations has every fact unknown. */
  obligations: z.array(riskClassObligationsSchema),
});

export const riskListSchema = withConsistency(riskListStructureSchema, checkRiskListConsistency);

export type RiskList = z.infer<typeof riskListStructureSchema>;
export type RiskListEntry = z.infer<typeof riskListEntrySchema>;
export type RiskClassObligations = z.infer<typeof riskClassObligationsSchema>;

