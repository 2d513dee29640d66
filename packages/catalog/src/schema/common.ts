import { z } from "zod";

export const nonEmptyText = z.string().trim().min(1);

/** Evidence level of a fact, after the reference's tags: [V] verified, [S] secondary, [I] inferred, [U] unverified. */
export const confidenceSchema = z.enum(["verified", "secondary", "inferred", "unverified"]);
export type Confidence = z.infer<typeof confidenceSchema>;

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case slug (a-z, 0-9, '.', '-')");

export const regulationCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "expected an upper-case regulation code such as QCVN_135_2024_BTTTT");

/** Clause and group codes: "5.1-2A", "2.10.1", "HQ11-G01-03". */
export const codeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, "expected a code of letters, digits, '.' and '-'");

export const localizedTextSchema = z
  .strictObject({ vi: nonEmptyText.optional(), en: nonEmptyText.optional() })
  .refine((text) => text.vi !== undefined || text.en !== undefined, "needs a Vietnamese (vi) or English (en) text");
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const sourceSchema = z.strictObject({
  id: slugSchema,
  citation: nonEmptyText,
  url: z.url().optional(),
  confidence: confidenceSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Header fields every data file carries besides its kind. */
export const fileHeaderShape = {
  version: nonEmptyText,
  provisional: z.boolean(),
  sources: z.array(sourceSchema).min(1),
  notes: z.array(nonEmptyText),
};
