import { tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { refreshSkuRiskClasses } from "../risk-lists/refresh-sku-risk-classes";
import { conflictOnUniqueViolation } from "../unique-violation";
import { assertMarketFacts, manualClassColumns, manualClassOf, marketColumns } from "./sku-class-and-market";
import { rulesOfListInForce } from "../risk-lists/risk-list-in-force";
import { createSkuInput } from "./sku-input";

export async function assertFamilyInTenant(tx: TenantTx, familyId: string | undefined): Promise<void> {
  if (familyId && !(await tx.productFamily.findUnique({ where: { id: familyId }, select: { id: true } }))) throw notFound("Product family");
}

// Model code + hardware revision identify a SKU within an organization.
export const duplicateModelCode = conflictOnUniqueViolation("duplicate_model_code", "A SKU with this model code and hardware revision exists");

export async function createSku(ctx: TenantContext, rawInput: z.input<typeof createSkuInput>) {
  assertCan(ctx, "sku:create");
  const { riskClass, riskClassReason, productCategory, marketStatus, onMarketSince, plannedLaunchOn, withdrawnOn, ...fields } = createSkuInput.parse(rawInput);
  const market = assertMarketFacts({
    marketStatus: marketStatus ?? "on_market",
    onMarketSince: onMarketSince ?? null,
    plannedLaunchOn: plannedLaunchOn ?? null,
    withdrawnOn: withdrawnOn ?? null,
  });
  const list = await rulesOfListInForce();
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      await assertFamilyInTenant(tx, fields.familyId);
      const created = await tx.sku.create({
        data: {
          organizationId: ctx.organizationId,
          ...fields,
          capabilities: fields.capabilities,
          productCategory: productCategory ?? null,
          ...marketColumns(market),
          ...manualClassColumns(manualClassOf(riskClass), riskClassReason, "create", ctx, new Date()),
        },
        select: { id: true },
      });
      // The effective class: the manual one, else what the list in force says about the HS code/category.
      await refreshSkuRiskClasses(tx, ctx.organizationId, list, [created.id]);
      const sku = await tx.sku.findUniqueOrThrow({ where: { id: created.id } });
      await appendAuditEvent(tx, ctx, {
        action: "sku.created",
        targetType: "sku",
        targetId: sku.id,
        after: { modelCode: sku.modelCode, hardwareRevision: sku.hardwareRevision, brand: sku.brand, riskClass: sku.riskClass, riskClassOrigin: sku.riskClassOrigin, marketStatus: sku.marketStatus },
      });
      await refreshDerivedAssessments(tx, ctx.organizationId, [sku.id]);
      return sku;
    })
    .catch(duplicateModelCode);
}
