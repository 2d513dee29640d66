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
// Stored when a class is set by hand without a reason; codes, so the UI says them in its language.
export const DEFAULT_RISK_CLASS_REASONS = {
  create: "hq:set_at_registration",
  update: "hq:set_on_edit",
  import: "hq:set_by_import",
} as const;
export type RiskClassSource = keyof typeof DEFAULT_RISK_CLASS_REASONS;

export const MARKET_STATUSES = ["planned", "on_market", "withdrawn"] as const;
export const marketStatusSchema = z.enum(MARKET_STATUSES, "invalid_market_status");

// Omitted = unchanged (on update), "" = cleared (null).
const clearableText = (max: number) =>
  z.string().trim().max(max, "too_long").nullish().transform((v) => (v === undefined ? undefined : v ? v : null));
const clearableDate = z
  .union([z.literal("").transform(() => null), z.null(), z.iso.date("invalid_date")], "invalid_date")
  .optional();

// The risk-class and market fields shared by create and update. `riskClass` is the class set by
// hand ("unclassified" = none: the MPS risk list decides); the effective class is derived.
const classAndMarketFields = {
  riskClassReason: clearableText(500),
  // As the list names categories: lower-case words joined by hyphens ("baby-monitor").
  productCategory: clearableText(64).refine((v) => !v || /^[\p{L}\p{N}][\p{L}\p{N} ._\/-]*$/u.test(v), "invalid_product_category"),
  marketStatus: marketStatusSchema.optional(),
  onMarketSince: clearableDate,
  plannedLaunchOn: clearableDate,
  withdrawnOn: clearableDate,
};

export const createSkuInput = skuFieldsSchema.extend({
  capabilities: applicabilityProfileSchema.default(applicabilityProfileSchema.parse({})),
  riskClass: riskClassSchema.default("unclassified"),
  ...classAndMarketFields,
});
// Omitted on update means "unchanged": a caller that does not know the field must not reset it.
export const updateSkuInput = skuFieldsSchema.extend({ skuId: z.string().min(1).max(64), riskClass: riskClassSchema.optional(), ...classAndMarketFields });
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
