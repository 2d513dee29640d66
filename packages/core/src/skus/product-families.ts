import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { conflictOnUniqueViolation } from "../unique-violation";
import { productFamilyInput } from "./sku-input";

export async function createProductFamily(ctx: TenantContext, rawInput: z.input<typeof productFamilyInput>) {
  assertCan(ctx, "sku:create");
  const input = productFamilyInput.parse(rawInput);
  return tenantDb(ctx.organizationId)
    .$transaction(async (tx) => {
      const family = await tx.productFamily.create({ data: { organizationId: ctx.organizationId, name: input.name, description: input.description ?? null } });
      await appendAuditEvent(tx, ctx, { action: "family.created", targetType: "product_family", targetId: family.id, after: { name: family.name } });
      return family;
    })
    .catch(conflictOnUniqueViolation("duplicate_family", "A family with this name exists"));
}

// Families are few per organization (tens); the cap keeps a mistaken import from flooding a page.
export async function listProductFamilies(ctx: TenantContext) {
  assertCan(ctx, "sku:read");
  return tenantDb(ctx.organizationId).productFamily.findMany({
    orderBy: { name: "asc" },
    take: 500,
    include: { _count: { select: { skus: true } } },
  });
}
