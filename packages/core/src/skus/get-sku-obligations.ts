import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { loadOrganizationObligations } from "../deadlines/load-organization-obligations";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

const getSkuObligationsInput = z.object({ skuId: z.string().min(1).max(64), today: z.iso.date().optional() });

// One SKU's obligations under the list in force (computed on read), archived SKUs included so their
// page still explains what is left.
export async function getSkuObligations(ctx: TenantContext, rawInput: z.input<typeof getSkuObligationsInput>) {
  assertCan(ctx, "sku:read");
  const { skuId, today = isoToday() } = getSkuObligationsInput.parse(rawInput);
  const loaded = await loadOrganizationObligations(tenantDb(ctx.organizationId), today, { skuIds: [skuId], includeArchived: true });
  const entry = loaded.skus[0];
  if (!entry) throw notFound("SKU");
  return { today, list: loaded.list, sku: entry.sku, obligations: entry.obligations };
}
