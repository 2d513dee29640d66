import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { scopeKeyOf } from "../assessments/current-firmware";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { dateOfIsoDay } from "../assessments/today";
import { createEvidenceInput, evidenceFieldsSchema, updateEvidenceInput } from "./evidence-input";
import { invalidState, loadEvidenceOrNotFound, refreshSkusOfEvidence } from "./evidence-state";

function fieldsOf(input: z.output<typeof evidenceFieldsSchema>) {
  return {
    kind: input.kind,
    title: input.title,
    issuer: input.issuer ?? null,
    reportNumber: input.reportNumber ?? null,
    effectiveDate: dateOfIsoDay(input.effectiveDate),
    expiryDate: dateOfIsoDay(input.expiryDate),
    firmwareDependent: input.firmwareDependent,
    url: input.kind === "link" ? (input.url ?? null) : null,
    statementText: input.kind === "statement" ? (input.statementText ?? null) : null,
  };
}

export async function createEvidence(ctx: TenantContext, rawInput: z.input<typeof createEvidenceInput>) {
  assertCan(ctx, "evidence:create");
  const input = createEvidenceInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const clauseIds = [...new Set(input.clauseIds)];
    const clauses = clauseIds.length ? await tx.clause.findMany({ where: { id: { in: clauseIds } }, select: { id: true, code: true } }) : [];
    if (clauses.length !== clauseIds.length) throw notFound("Clause");
    if (input.firmwareVersionId && !input.skuId) throw new AppError("VALIDATION", "A firmware version needs its SKU", { reason: "firmware_without_sku" });
    const sku = input.skuId ? await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true, modelCode: true } }) : null;
    if (input.skuId && !sku) throw notFound("SKU");
    if (input.firmwareVersionId) {
      const firmware = await tx.firmwareVersion.findUnique({ where: { id: input.firmwareVersionId }, select: { skuId: true } });
      if (!firmware) throw notFound("Firmware version");
      if (firmware.skuId !== sku?.id) throw new AppError("VALIDATION", "The firmware version belongs to another SKU", { reason: "firmware_of_other_sku" });
    }
    const evidence = await tx.evidence.create({
      data: { organizationId: ctx.organizationId, ...fieldsOf(input), createdById: ctx.userId, createdByEmail: ctx.userEmail },
    });
    if (clauses.length) {
      await tx.evidenceClauseLink.createMany({
        data: clauses.map((c) => ({ organizationId: ctx.organizationId, evidenceId: evidence.id, clauseId: c.id, createdByEmail: ctx.userEmail })),
      });
    }
    if (sku) {
      await tx.evidenceSkuLink.create({
        data: {
          organizationId: ctx.organizationId,
          evidenceId: evidence.id,
          skuId: sku.id,
          firmwareVersionId: input.firmwareVersionId ?? null,
          scopeKey: scopeKeyOf(input.firmwareVersionId),
          createdByEmail: ctx.userEmail,
        },
      });
    }
    await appendAuditEvent(tx, ctx, {
      action: "evidence.created",
      targetType: "evidence",
      targetId: evidence.id,
      after: { kind: evidence.kind, title: evidence.title, clauses: clauses.map((c) => c.code), sku: sku?.modelCode ?? null },
    });
    if (sku) {
      // The SKU's own history shows where its evidence came from.
      await appendAuditEvent(tx, ctx, {
        action: "evidence.sku_linked",
        targetType: "sku",
        targetId: sku.id,
        after: { evidenceId: evidence.id, title: evidence.title, firmwareVersionId: input.firmwareVersionId ?? null },
      });
      await refreshDerivedAssessments(tx, ctx.organizationId, [sku.id]);
    }
    return evidence;
  });
}

// Metadata can change while evidence is a draft or was rejected; submitted and accepted evidence
// is what a reviewer saw, so it has to be reopened first.
export async function updateEvidence(ctx: TenantContext, rawInput: z.input<typeof updateEvidenceInput>) {
  assertCan(ctx, "evidence:update");
  const input = updateEvidenceInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await loadEvidenceOrNotFound(tx, input.evidenceId);
    if (before.reviewState !== "draft" && before.reviewState !== "rejected") throw invalidState(before.reviewState, "draft or rejected");
    const fields = fieldsOf(input);
    const { count } = await tx.evidence.updateMany({
      where: { id: before.id, reviewState: { in: ["draft", "rejected"] } },
      data: fields,
    });
    if (count === 0) throw invalidState("changed meanwhile", "draft or rejected");
    await appendAuditEvent(tx, ctx, {
      action: "evidence.updated",
      targetType: "evidence",
      targetId: before.id,
      before: { title: before.title, kind: before.kind, expiryDate: before.expiryDate?.toISOString().slice(0, 10) ?? null, firmwareDependent: before.firmwareDependent },
      after: { title: fields.title, kind: fields.kind, expiryDate: input.expiryDate ?? null, firmwareDependent: fields.firmwareDependent },
    });
    await refreshSkusOfEvidence(tx, ctx.organizationId, before.id);
    return { id: before.id };
  });
}
