import { Prisma } from "./generated/prisma/client";
import type { TenantTx } from "./tenant-db";

export interface SkuRiskClassRow {
  skuId: string;
  riskClass: "unclassified" | "low" | "medium" | "high";
  riskClassOrigin: "none" | "list" | "manual";
  listRiskClass: "low" | "medium" | "high" | null;
  listRiskEntryId: string | null;
  riskListId: string | null;
}

// A list publication re-classifies every SKU of an organization: one UPDATE ... FROM unnest() of
// column arrays instead of one statement per SKU. Scoped to the caller's organization.
export async function updateSkuRiskClasses(tx: TenantTx, organizationId: string, rows: readonly SkuRiskClassRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw(Prisma.sql`
    UPDATE "Sku" AS s SET
      "riskClass" = r.risk_class::"RiskClass",
      "riskClassOrigin" = r.origin::"RiskClassOrigin",
      "listRiskClass" = r.list_risk_class::"RiskClass",
      "listRiskEntryId" = r.list_entry_id,
      "riskListId" = r.risk_list_id,
      "updatedAt" = now()
    FROM unnest(
      ${rows.map((r) => r.skuId)}::text[],
      ${rows.map((r) => r.riskClass)}::text[],
      ${rows.map((r) => r.riskClassOrigin)}::text[],
      ${rows.map((r) => r.listRiskClass)}::text[],
      ${rows.map((r) => r.listRiskEntryId)}::text[],
      ${rows.map((r) => r.riskListId)}::text[]
    ) AS r(sku_id, risk_class, origin, list_risk_class, list_entry_id, risk_list_id)
    WHERE s."id" = r.sku_id AND s."organizationId" = ${organizationId}`);
}
