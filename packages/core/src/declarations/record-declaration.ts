import { tenantDb } from "@hopquy/db";
import type { z } from "zod";
import { dateOfIsoDay, isoDate } from "../assessments/today";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { findRiskListInForce } from "../risk-lists/risk-list-in-force";
import { recordDeclarationInput, setDeclarationStatusInput } from "./declaration-input";

// A declaration of conformity filed for a SKU (on the platform or elsewhere): it meets the SKU's
// declaration deadlines. The list in force is stamped on it, so an amendment does not undo it.
export async function recordDeclaration(ctx: TenantContext, rawInput: z.input<typeof recordDeclarationInput>) {
  assertCan(ctx, "declaration:record");
  const input = recordDeclarationInput.parse(rawInput);
  const list = await findRiskListInForce();
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const sku = await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true, modelCode: true } });
    if (!sku) throw notFound("SKU");
    if (input.firmwareVersionId) {
      const firmware = await tx.firmwareVersion.findUnique({ where: { id: input.firmwareVersionId }, select: { skuId: true } });
      if (!firmware) throw notFound("Firmware version");
      if (firmware.skuId !== sku.id) throw new AppError("VALIDATION", "The firmware version belongs to another SKU", { reason: "firmware_of_other_sku" });
    }
    const declaration = await tx.declarationSubmission.create({
      data: {
        organizationId: ctx.organizationId,
        skuId: sku.id,
        firmwareVersionId: input.firmwareVersionId ?? null,
        route: input.route,
        filedOn: dateOfIsoDay(input.filedOn),
        authority: input.authority ?? null,
        channel: input.channel ?? null,
        receiptNumber: input.receiptNumber ?? null,
        certificationBody: input.certificationBody ?? null,
        certificateNumber: input.certificateNumber ?? null,
        note: input.note ?? null,
        riskListId: list?.id ?? null,
        createdById: ctx.userId,
        createdByEmail: ctx.userEmail,
      },
    });
    await appendAuditEvent(tx, ctx, {
      action: "declaration.recorded",
      targetType: "sku",
      targetId: sku.id,
      after: {
        declarationId: declaration.id,
        route: declaration.route,
        filedOn: input.filedOn,
        firmwareVersionId: declaration.firmwareVersionId,
        receiptNumber: declaration.receiptNumber,
        certificateNumber: declaration.certificateNumber,
        riskListId: declaration.riskListId,
      },
    });
    return declaration;
  });
}

// The authority's answer (acknowledged, returned for correction) or a withdrawal. A withdrawn
// declaration stays withdrawn: filing again is a new declaration.
export async function setDeclarationStatus(ctx: TenantContext, rawInput: z.input<typeof setDeclarationStatusInput>) {
  assertCan(ctx, "declaration:record");
  const { declarationId, status } = setDeclarationStatusInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await tx.declarationSubmission.findUnique({ where: { id: declarationId }, select: { id: true, skuId: true, status: true, filedOn: true } });
    if (!before) throw notFound("Declaration");
    if (before.status === "withdrawn") throw new AppError("VALIDATION", "A withdrawn declaration cannot change", { reason: "declaration_withdrawn" });
    if (before.status === status) throw new AppError("VALIDATION", "The declaration already has this status", { reason: "status_unchanged" });
    // Guarded by the status read above, so two concurrent changes cannot both apply.
    const { count } = await tx.declarationSubmission.updateMany({ where: { id: declarationId, status: before.status }, data: { status } });
    if (count === 0) throw new AppError("CONFLICT", "The declaration was changed meanwhile", { reason: "declaration_changed" });
    await appendAuditEvent(tx, ctx, {
      action: "declaration.status_changed",
      targetType: "sku",
      targetId: before.skuId,
      before: { declarationId, status: before.status },
      after: { declarationId, status, filedOn: isoDate(before.filedOn) },
    });
    return tx.declarationSubmission.findUniqueOrThrow({ where: { id: declarationId } });
  });
}
