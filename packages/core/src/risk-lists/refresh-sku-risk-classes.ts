import { classifyProduct, resolveRiskClass, type ListedRiskClass, type RiskListRules } from "@hopquy/compliance";
import { updateSkuRiskClasses, type SkuRiskClassRow, type TenantTx } from "@hopquy/db";

export interface SkuRiskClassChange {
  skuId: string;
  modelCode: string;
  before: { riskClass: string; listRiskClass: string | null };
  after: SkuRiskClassRow;
  // A manual class the list now contradicts.
  conflict: boolean;
}

// Re-applies the list in force to SKUs of one organization (all of them, or `skuIds`): the manual
// class wins, the list fills the rest. Writes only rows whose stored class differs; returns them.
export async function refreshSkuRiskClasses(
  tx: TenantTx,
  organizationId: string,
  list: RiskListRules | null,
  skuIds?: readonly string[],
): Promise<SkuRiskClassChange[]> {
  const skus = await tx.sku.findMany({
    where: skuIds ? { id: { in: [...skuIds] } } : {},
    select: {
      id: true,
      modelCode: true,
      hsCode: true,
      productCategory: true,
      riskClass: true,
      riskClassOrigin: true,
      riskClassManual: true,
      listRiskClass: true,
      listRiskEntryId: true,
      riskListId: true,
    },
    orderBy: { id: "asc" },
  });
  const changes: SkuRiskClassChange[] = [];
  for (const sku of skus) {
    const match = classifyProduct({ hsCode: sku.hsCode, category: sku.productCategory }, list);
    const manual = sku.riskClassManual === null || sku.riskClassManual === "unclassified" ? null : (sku.riskClassManual as ListedRiskClass);
    const resolved = resolveRiskClass({ listMatch: match, manual });
    const after: SkuRiskClassRow = {
      skuId: sku.id,
      riskClass: resolved.riskClass,
      riskClassOrigin: resolved.origin,
      listRiskClass: resolved.listRiskClass,
      listRiskEntryId: resolved.listEntryId,
      riskListId: list && match ? list.id : null,
    };
    const same =
      sku.riskClass === after.riskClass &&
      sku.riskClassOrigin === after.riskClassOrigin &&
      sku.listRiskClass === after.listRiskClass &&
      sku.listRiskEntryId === after.listRiskEntryId &&
      sku.riskListId === after.riskListId;
    if (!same) {
      changes.push({ skuId: sku.id, modelCode: sku.modelCode, before: { riskClass: sku.riskClass, listRiskClass: sku.listRiskClass }, after, conflict: resolved.conflict });
    }
  }
  await updateSkuRiskClasses(tx, organizationId, changes.map((c) => c.after));
  return changes;
}
