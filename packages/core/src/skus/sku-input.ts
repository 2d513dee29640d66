import { applicabilityProfileSchema } from "@hopquy/compliance";
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "required").max(max, "too_long");
const optionalText = (max: number) =>
  z.string().trim().max(max, "too_long").optional().transform((v) => (v ? v : undefined));

export const skuFieldsSchema = z.object({
  modelCode: text(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\/+-]*$/u, "invalid_model_code"),
  hardwareRevision: z.string().trim().max(32, "too_long").default(""),
  brand: text(80),
  manufacturer: text(160),
  importer: optionalText(160),
  countryOfOrigin: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "invalid_country"),
  // HS codes as Vietnamese customs write them: 8525.89.90 (4 digits, then pairs).
  hsCode: z
    .string()
    .trim()
    .regex(/^(\d{4}(\.\d{2}){0,3})?$/, "invalid_hs_code")
    .optional()
    .transform((v) => (v ? v : undefined)),
  description: optionalText(2000),
  familyId: z.string().max(64).optional().transform((v) => (v ? v : undefined)),
});

export const RISK_CLASSES = ["unclassified", "low", "medium", "high"] as const;
export const riskClassSchema = z.enum(RISK_CLASSES, "invalid_risk_class");

export const createSkuInput = skuFieldsSchema.extend({
  capabilities: applicabilityProfileSchema.default(applicabilityProfileSchema.parse({})),
  riskClass: riskClassSchema.default("unclassified"),
});
// Omitted on update means "unchanged": a caller that does not know the field must not reset it.
export const updateSkuInput = skuFieldsSchema.extend({ skuId: z.string().min(1).max(64), riskClass: riskClassSchema.optional() });
export const updateSkuCapabilitiesInput = z.object({ skuId: z.string().min(1).max(64), capabilities: applicabilityProfileSchema });

export const firmwareVersionInput = z
  .object({
    skuId: z.string().min(1).max(64),
    version: text(64),
    releaseDate: z.iso.date("invalid_date").optional().or(z.literal("").transform(() => undefined)),
    signedUpdates: z.boolean().default(false),
    supportEndsAt: z.iso.date("invalid_date").optional().or(z.literal("").transform(() => undefined)),
  })
  .refine((v) => !v.releaseDate || !v.supportEndsAt || v.supportEndsAt >= v.releaseDate, {
    message: "support_before_release",
    path: ["supportEndsAt"],
  });

export const productFamilyInput = z.object({ name: text(120), description: optionalText(1000) });
