import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { scopeKeyOf } from "../assessments/current-firmware";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { linkEvidenceToClauseInput, linkEvidenceToSkuInput, linkIdInput } from "./evidence-input";
import { loadEvidenceOrNotFound, refreshSkusOfEvidence } from "./evidence-state";

const duplicateClauseLink = conflictOnUniqueViolation("duplicate_link", "The evidence is already linked to this clause");
const duplicateSkuLink = conflictOnUniqueViolation("duplicate_link", "The evidence is already linked to this SKU at this firmware scope");

// A clause of any catalog (QCVN 11, QCVN 135, ETSI provisions, TS 103 701 test cases): catalogs are
// shared reference data, so any published clause id is valid.
export async function linkEvidenceToClause(ctx: TenantContext, rawInput: z.input<typeof linkEvidenceToClauseInput>) {
  assertCan(ctx, "evidence:update");
  const input = linkEvidenceToClauseInput.parse(rawInput);
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      await loadEvidenceOrNotFound(tx, input.evidenceId);
      const clause = await tx.clause.findUnique({ where: { id: input.clauseId }, select: { id: true, code: true } });
      if (!clause) throw notFound("Clause");
      const link = await tx.evidenceClauseLink.create({
        data: { organizationId: ctx.organizationId, evidenceId: input.evidenceId, clauseId: clause.id, note: input.note ?? null, createdByEmail: ctx.userEmail },
      });
      await appendAuditEvent(tx, ctx, { action: "evidence.clause_linked", targetType: "evidence", targetId: input.evidenceId, after: { clause: clause.code, note: input.note ?? null } });
      await refreshSkusOfEvidence(tx, ctx.organizationId, input.evidenceId);
      return link;
    })
    .catch(duplicateClauseLink);
}

export async function unlinkEvidenceFromClause(ctx: TenantContext, rawInput: z.input<typeof linkIdInput>) {
  assertCan(ctx, "evidence:update");
  const { linkId } = linkIdInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const link = await tx.evidenceClauseLink.findUnique({ where: { id: linkId }, include: { clause: { select: { code: true } } } });
    if (!link) throw notFound("Link");
    await tx.evidenceClauseLink.delete({ where: { id: link.id } });
    await appendAuditEvent(tx, ctx, { action: "evidence.clause_unlinked", targetType: "evidence", targetId: link.evidenceId, before: { clause: link.clause.code, note: link.note } });
    await refreshSkusOfEvidence(tx, ctx.organizationId, link.evidenceId);
    return { id: link.id };
  });
}

// One evidence can serve many SKUs (a family's shared test report), at one firmware version or all.
export async function linkEvidenceToSku(ctx: TenantContext, rawInput: z.input<typeof linkEvidenceToSkuInput>) {
  assertCan(ctx, "evidence:update");
  const input = linkEvidenceToSkuInput.parse(rawInput);
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      await loadEvidenceOrNotFound(tx, input.evidenceId);
      const sku = await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true, modelCode: true } });
      if (!sku) throw notFound("SKU");
      let firmwareVersion: string | null = null;
      if (input.firmwareVersionId) {
        const firmware = await tx.firmwareVersion.findUnique({ where: { id: input.firmwareVersionId }, select: { skuId: true, version: true } });
        if (!firmware) throw notFound("Firmware version");
        if (firmware.skuId !== sku.id) throw new AppError("VALIDATION", "The firmware version belongs to another SKU", { reason: "firmware_of_other_sku" });
        firmwareVersion = firmware.version;
      }
      const link = await tx.evidenceSkuLink.create({
        data: {
          organizationId: ctx.organizationId,
          evidenceId: input.evidenceId,
          skuId: sku.id,
          firmwareVersionId: input.firmwareVersionId ?? null,
          scopeKey: scopeKeyOf(input.firmwareVersionId),
          note: input.note ?? null,
          createdByEmail: ctx.userEmail,
        },
      });
      await appendAuditEvent(tx, ctx, {
        action: "evidence.sku_linked",
        targetType: "sku",
        targetId: sku.id,
        after: { evidenceId: input.evidenceId, modelCode: sku.modelCode, firmware: firmwareVersion, note: input.note ?? null },
      });
      await refreshDerivedAssessments(tx, ctx.organizationId, [sku.id]);
      return link;
    })
    .catch(duplicateSkuLink);
}

export async function unlinkEvidenceFromSku(ctx: TenantContext, rawInput: z.input<typeof linkIdInput>) {
  assertCan(ctx, "evidence:update");
  const { linkId } = linkIdInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const link = await tx.evidenceSkuLink.findUnique({ where: { id: linkId } });
    if (!link) throw notFound("Link");
    await tx.evidenceSkuLink.delete({ where: { id: link.id } });
    await appendAuditEvent(tx, ctx, {
      action: "evidence.sku_unlinked",
      targetType: "sku",
      targetId: link.skuId,
      before: { evidenceId: link.evidenceId, firmwareVersionId: link.firmwareVersionId, note: link.note },
    });
    await refreshDerivedAssessments(tx, ctx.organizationId, [link.skuId]);
    return { id: link.id };
  });
}
