import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";

// A SKU's declarations, newest filing first, with the firmware each covers.
export async function listSkuDeclarations(ctx: TenantContext, skuId: string) {
  assertCan(ctx, "sku:read");
  const db = tenantDb(ctx.organizationId);
  const id = skuId.slice(0, 64);
  if (!(await db.sku.findUnique({ where: { id }, select: { id: true } }))) throw notFound("SKU");
  const [declarations, firmware] = await Promise.all([
    db.declarationSubmission.findMany({ where: { skuId: id }, orderBy: [{ filedOn: "desc" }, { createdAt: "desc" }] }),
    db.firmwareVersion.findMany({ where: { skuId: id }, select: { id: true, version: true } }),
  ]);
  const versionOf = new Map(firmware.map((f) => [f.id, f.version]));
  return declarations.map((d) => ({ ...d, firmwareVersion: d.firmwareVersionId ? (versionOf.get(d.firmwareVersionId) ?? null) : null }));
}
