import { applicabilityProfileSchema } from "@hopquy/compliance";
import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

export async function getSku(ctx: TenantContext, skuId: string) {
  assertCan(ctx, "sku:read");
  const sku = await tenantDb(ctx.organizationId).sku.findUnique({
    where: { id: skuId.slice(0, 64) },
    include: { family: { select: { id: true, name: true } }, firmwareVersions: { orderBy: [{ releaseDate: "desc" }, { createdAt: "desc" }] } },
  });
  if (!sku) throw notFound("SKU");
  // Stored profiles are re-read through the schema so older rows gain new capabilities as "unknown".
  return { ...sku, capabilities: applicabilityProfileSchema.parse(sku.capabilities ?? {}) };
}
