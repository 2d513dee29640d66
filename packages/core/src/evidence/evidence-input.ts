import { z } from "zod";

export const EVIDENCE_KINDS = [
  "lab_test_report",
  "certificate",
  "ics",
  "ixit",
  "technical_documentation",
  "policy",
  "user_manual",
  "label_photo",
  "firmware_package",
  "sbom",
  "statement",
  "link",
] as const;
export type EvidenceKindName = (typeof EVIDENCE_KINDS)[number];

// Kinds whose content is not a file: a link carries a URL, a statement its text.
export const FILELESS_KINDS: readonly EvidenceKindName[] = ["statement", "link"];

const id = z.string().min(1).max(64);
const optionalText = (max: number) =>
  z.string().trim().max(max, "too_long").optional().transform((v) => (v ? v : undefined));
const optionalDate = z.iso.date("invalid_date").optional().or(z.literal("").transform(() => undefined));
// Only web addresses: javascript:, data: and file: URLs would be a stored-XSS or local-file vector.
const httpUrl = z
  .string()
  .trim()
  .max(2000, "too_long")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "invalid_url");

export const evidenceFieldsSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().trim().min(1, "required").max(200, "too_long"),
    issuer: optionalText(200),
    reportNumber: optionalText(100),
    effectiveDate: optionalDate,
    expiryDate: optionalDate,
    firmwareDependent: z.boolean().default(false),
    url: httpUrl.optional().or(z.literal("").transform(() => undefined)),
    statementText: optionalText(20_000),
  })
  .refine((v) => !v.effectiveDate || !v.expiryDate || v.expiryDate >= v.effectiveDate, {
    message: "expiry_before_effective",
    path: ["expiryDate"],
  })
  .refine((v) => v.kind !== "link" || Boolean(v.url), { message: "url_required", path: ["url"] })
  .refine((v) => v.kind !== "statement" || Boolean(v.statementText), { message: "statement_required", path: ["statementText"] });

// Created with its first links in one transaction: the usual path is "evidence for this SKU, for
// these clauses" from the SKU page.
export const createEvidenceInput = z.intersection(
  evidenceFieldsSchema,
  z.object({
    clauseIds: z.array(id).max(300, "too_many").default([]),
    skuId: id.optional().or(z.literal("").transform(() => undefined)),
    firmwareVersionId: id.optional().or(z.literal("").transform(() => undefined)),
  }),
);
export const updateEvidenceInput = z.intersection(evidenceFieldsSchema, z.object({ evidenceId: id }));
export const evidenceIdInput = z.object({ evidenceId: id });
export const reviewEvidenceInput = z
  .object({ evidenceId: id, decision: z.enum(["accept", "reject"]), comment: optionalText(2000) })
  .refine((v) => v.decision === "accept" || Boolean(v.comment), { message: "comment_required", path: ["comment"] });
export const linkEvidenceToClauseInput = z.object({ evidenceId: id, clauseId: id, note: optionalText(1000) });
export const linkEvidenceToSkuInput = z.object({
  evidenceId: id,
  skuId: id,
  firmwareVersionId: id.optional().or(z.literal("").transform(() => undefined)),
  note: optionalText(1000),
});
export const linkIdInput = z.object({ linkId: id });
export const listEvidenceInput = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  search: z.string().trim().max(100).optional(),
  kind: z.enum(EVIDENCE_KINDS).optional().or(z.literal("").transform(() => undefined)),
  reviewState: z.enum(["draft", "submitted", "accepted", "rejected"]).optional().or(z.literal("").transform(() => undefined)),
  skuId: z.string().max(64).optional().or(z.literal("").transform(() => undefined)),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
