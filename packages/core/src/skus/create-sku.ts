import { tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { createSkuInput } from "./sku-input";

export async function assertFamilyInTenant(tx: TenantTx, familyId: string | undefined): Promise<void> {
  if (familyId && !(await tx.productFamily.findUnique({ where: { id: familyId }, select: { id: true } }))) throw notFound("Product family");
}

// Model code + hardware revision identify a SKU within an organization.
export const duplicateModelCode = conflictOnUniqueViolation("duplicate_model_code", "A SKU with this model code and hardware revision exists");

export async function createSku(ctx: TenantContext, rawInput: z.input<typeof createSkuInput>) {
  assertCan(ctx, "sku:create");
  const input = createSkuInput.parse(rawInput);
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      await assertFamilyInTenant(tx, input.familyId);
      const sku = await tx.sku.create({ data: { organizationId: ctx.organizationId, ...input, capabilities: input.capabilities } });
      await appendAuditEvent(tx, ctx, {
        action: "sku.created",
        targetType: "sku",
        targetId: sku.id,
        after: { modelCode: sku.modelCode, hardwareRevision: sku.hardwareRevision, brand: sku.brand },
      });
      await refreshDerivedAssessments(tx, ctx.organizationId, [sku.id]);
      return sku;
    })
    .catch(duplicateModelCode);
}
