import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { isoDate } from "../assessments/today";
import { refreshSkuRiskClasses } from "../risk-lists/refresh-sku-risk-classes";
import { assertFamilyInTenant, duplicateModelCode } from "./create-sku";
import { assertMarketFacts, manualClassColumns, manualClassOf, marketColumns } from "./sku-class-and-market";
import { rulesOfListInForce } from "../risk-lists/risk-list-in-force";
import { updateSkuCapabilitiesInput, updateSkuInput } from "./sku-input";

const AUDITED_FIELDS = [
  "modelCode",
  "hardwareRevision",
  "brand",
  "manufacturer",
  "importer",
  "countryOfOrigin",
  "hsCode",
  "description",
  "familyId",
  "productCategory",
  "riskClass",
  "riskClassOrigin",
  "riskClassManual",
  "riskClassReason",
  "marketStatus",
  "onMarketSince",
  "plannedLaunchOn",
  "withdrawnOn",
] as const;
type AuditedSku = Record<(typeof AUDITED_FIELDS)[number], string | Date | null>;
// Dates as the ISO day they store, so the audit reads like the form.
const auditValue = (value: string | Date | null) => (value instanceof Date ? isoDate(value) : value);

export async function updateSku(ctx: TenantContext, rawInput: z.input<typeof updateSkuInput>) {
  assertCan(ctx, "sku:update");
  const { skuId, riskClass, riskClassReason, productCategory, marketStatus, onMarketSince, plannedLaunchOn, withdrawnOn, ...fields } = updateSkuInput.parse(rawInput);
  const data = { ...fields, importer: fields.importer ?? null, hsCode: fields.hsCode ?? null, description: fields.description ?? null, familyId: fields.familyId ?? null, productCategory };
  const list = await rulesOfListInForce();
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      const before = await tx.sku.findUnique({ where: { id: skuId } });
      if (!before) throw notFound("SKU");
      await assertFamilyInTenant(tx, fields.familyId);
      // Omitted market fields keep their stored value; the result is checked as a whole.
      const market = assertMarketFacts({
        marketStatus: marketStatus ?? before.marketStatus,
        onMarketSince: onMarketSince === undefined ? isoDate(before.onMarketSince) : onMarketSince,
        plannedLaunchOn: plannedLaunchOn === undefined ? isoDate(before.plannedLaunchOn) : plannedLaunchOn,
        withdrawnOn: withdrawnOn === undefined ? isoDate(before.withdrawnOn) : withdrawnOn,
      });
      const manual = riskClass === undefined ? {} : manualClassChange(before, manualClassOf(riskClass), riskClassReason, ctx);
      await tx.sku.update({ where: { id: skuId }, data: { ...data, ...marketColumns(market), ...manual } });
      // An HS code or category change can move the list's class even when the manual one is unchanged.
      await refreshSkuRiskClasses(tx, ctx.organizationId, list, [skuId]);
      const after = await tx.sku.findUniqueOrThrow({ where: { id: skuId } });
      const changed = AUDITED_FIELDS.filter((f) => auditValue((before as AuditedSku)[f]) !== auditValue((after as AuditedSku)[f]));
      await appendAuditEvent(tx, ctx, {
        action: "sku.updated",
        targetType: "sku",
        targetId: skuId,
        before: Object.fromEntries(changed.map((f) => [f, auditValue((before as AuditedSku)[f])])),
        after: Object.fromEntries(changed.map((f) => [f, auditValue((after as AuditedSku)[f])])),
      });
      return after;
    })
    .catch(duplicateModelCode);
}

// A new manual class (or none) is attributed to the editor; the same class with a new reason too.
// The same class without a reason keeps the stored reason and attribution.
function manualClassChange(
  before: { riskClassManual: string | null; riskClassReason: string | null },
  manual: ReturnType<typeof manualClassOf>,
  reason: string | null | undefined,
  ctx: TenantContext,
) {
  const now = new Date();
  if (manual !== before.riskClassManual) return manualClassColumns(manual, reason, "update", ctx, now);
  if (manual !== null && reason && reason !== before.riskClassReason) return { riskClassReason: reason, riskClassSetByEmail: ctx.userEmail, riskClassSetAt: now };
  return {};
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
