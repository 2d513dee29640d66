import { z } from "zod";

export const ASSESSMENT_STATUSES = ["not_started", "in_progress", "covered", "partial", "gap", "not_applicable"] as const;
export type AssessmentStatusName = (typeof ASSESSMENT_STATUSES)[number];

const id = z.string().min(1).max(64);

export const decideAssessmentInput = z
  .object({
    skuId: id,
    clauseId: id,
    status: z.enum(ASSESSMENT_STATUSES),
    reason: z.string().trim().max(2000, "too_long").optional().transform((v) => (v ? v : undefined)),
  })
  // "Not applicable" is a claim an assessor must be able to defend: it always carries a reason.
  .refine((v) => v.status !== "not_applicable" || Boolean(v.reason), { message: "reason_required", path: ["reason"] });

export const clearAssessmentInput = z.object({ skuId: id, clauseId: id });

export const complianceMatrixInput = z.object({
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  familyId: z.string().max(64).optional().or(z.literal("").transform(() => undefined)),
  riskClass: z.enum(["unclassified", "low", "medium", "high"]).optional().or(z.literal("").transform(() => undefined)),
  // SKUs with at least one clause in this state.
  status: z.enum([...ASSESSMENT_STATUSES, "needs_review"]).optional().or(z.literal("").transform(() => undefined)),
  search: z.string().trim().max(100).optional(),
});
