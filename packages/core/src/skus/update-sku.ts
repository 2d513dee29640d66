import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { assertFamilyInTenant, duplicateModelCode } from "./create-sku";
import { updateSkuCapabilitiesInput, updateSkuInput } from "./sku-input";

const AUDITED_FIELDS = ["modelCode", "hardwareRevision", "brand", "manufacturer", "importer", "countryOfOrigin", "hsCode", "description", "familyId", "riskClass"] as const;

export async function updateSku(ctx: TenantContext, rawInput: z.input<typeof updateSkuInput>) {
  assertCan(ctx, "sku:update");
  const { skuId, ...fields } = updateSkuInput.parse(rawInput);
  const data = { ...fields, importer: fields.importer ?? null, hsCode: fields.hsCode ?? null, description: fields.description ?? null, familyId: fields.familyId ?? null };
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      const before = await tx.sku.findUnique({ where: { id: skuId } });
      if (!before) throw notFound("SKU");
      await assertFamilyInTenant(tx, fields.familyId);
      const after = await tx.sku.update({ where: { id: skuId }, data });
      const changed = AUDITED_FIELDS.filter((f) => before[f] !== after[f]);
      await appendAuditEvent(tx, ctx, {
        action: "sku.updated",
        targetType: "sku",
        targetId: skuId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
      });
      return after;
    })
    .catch(duplicateModelCode);
}

// The applicability profile decides which conditional clauses apply: every change is audited.
export async function updateSkuCapabilities(ctx: TenantContext, rawInput: z.input<typeof updateSkuCapabilitiesInput>) {
  assertCan(ctx, "sku:update");
  const { skuId, capabilities } = updateSkuCapabilitiesInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await tx.sku.findUnique({ where: { id: skuId }, select: { capabilities: true } });
    if (!before) throw notFound("SKU");
    const after = await tx.sku.update({ where: { id: skuId }, data: { capabilities } });
    await appendAuditEvent(tx, ctx, { action: "sku.capabilities_updated", targetType: "sku", targetId: skuId, before: before.capabilities as object, after: capabilities });
    await refreshDerivedAssessments(tx, ctx.organizationId, [skuId]);
    return after;
  });
}

export async function setSkuArchived(ctx: TenantContext, rawInput: { skuId: string; archived: boolean }) {
  assertCan(ctx, "sku:archive");
  const { skuId, archived } = z.object({ skuId: z.string().min(1).max(64), archived: z.boolean() }).parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const sku = await tx.sku.findUnique({ where: { id: skuId }, select: { archivedAt: true } });
    if (!sku) throw notFound("SKU");
    const updated = await tx.sku.update({ where: { id: skuId }, data: { archivedAt: archived ? (sku.archivedAt ?? new Date()) : null } });
    await appendAuditEvent(tx, ctx, { action: archived ? "sku.archived" : "sku.restored", targetType: "sku", targetId: skuId });
    return updated;
  });
}
