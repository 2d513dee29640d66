import { tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { clearAssessmentInput, decideAssessmentInput } from "./assessment-input";
import { currentFirmwareBySku, scopeKeyOf } from "./current-firmware";
import { refreshDerivedAssessments } from "./refresh-derived-assessments";
import { loadTargetCatalog } from "./target-catalog";

async function resolveScope(tx: TenantTx, skuId: string, clauseId: string) {
  const sku = await tx.sku.findUnique({ where: { id: skuId }, select: { id: true, modelCode: true } });
  if (!sku) throw notFound("SKU");
  const target = await loadTargetCatalog(tx);
  const clause = target?.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new AppError("VALIDATION", "Assessments are made against clauses of the current QCVN 11 catalog", { reason: "not_a_target_clause" });
  const firmware = await tx.firmwareVersion.findMany({ where: { skuId }, select: { id: true, skuId: true, releaseDate: true, createdAt: true } });
  const firmwareId = currentFirmwareBySku(firmware).get(skuId)?.id ?? null;
  return { sku, clause, firmwareId, scopeKey: scopeKeyOf(firmwareId) };
}

// A reviewer's decision for the SKU at its current firmware; derived and re-mapped results never
// overwrite it.
export async function decideAssessment(ctx: TenantContext, rawInput: z.input<typeof decideAssessmentInput>) {
  assertCan(ctx, "assessment:decide");
  const input = decideAssessmentInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const { sku, clause, firmwareId, scopeKey } = await resolveScope(tx, input.skuId, input.clauseId);
    const before = await tx.assessment.findUnique({ where: { skuId_scopeKey_clauseId: { skuId: sku.id, scopeKey, clauseId: clause.id } } });
    const decision = {
      status: input.status,
      origin: "manual" as const,
      reason: input.reason ?? null,
      decidedById: ctx.userId,
      decidedByEmail: ctx.userEmail,
      decidedAt: new Date(),
      needsReview: false,
      needsReviewReason: null,
      current: true,
    };
    const assessment = await tx.assessment.upsert({
      where: { skuId_scopeKey_clauseId: { skuId: sku.id, scopeKey, clauseId: clause.id } },
      create: { organizationId: ctx.organizationId, skuId: sku.id, firmwareVersionId: firmwareId, scopeKey, clauseId: clause.id, ...decision },
      update: decision,
    });
    await appendAuditEvent(tx, ctx, {
      action: "assessment.decided",
      targetType: "sku",
      targetId: sku.id,
      before: before ? { clause: clause.code, status: before.status, origin: before.origin, reason: before.reason } : null,
      after: { clause: clause.code, status: assessment.status, reason: assessment.reason },
    });
    return assessment;
  });
}

// Withdraws a manual decision: the clause goes back to what the evidence shows.
export async function clearAssessmentDecision(ctx: TenantContext, rawInput: z.input<typeof clearAssessmentInput>) {
  assertCan(ctx, "assessment:decide");
  const input = clearAssessmentInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const { sku, clause, scopeKey } = await resolveScope(tx, input.skuId, input.clauseId);
    const before = await tx.assessment.findUnique({ where: { skuId_scopeKey_clauseId: { skuId: sku.id, scopeKey, clauseId: clause.id } } });
    if (!before || before.origin !== "manual") throw notFound("Manual decision");
    await tx.assessment.delete({ where: { id: before.id } });
    await appendAuditEvent(tx, ctx, {
      action: "assessment.cleared",
      targetType: "sku",
      targetId: sku.id,
      before: { clause: clause.code, status: before.status, reason: before.reason },
    });
    await refreshDerivedAssessments(tx, ctx.organizationId, [sku.id]);
    return { skuId: sku.id, clauseId: clause.id };
  });
}
