import {
  deriveSkuObligations,
  type EffectiveRiskClass,
  type ListedRiskClass,
  type ResolvedRiskClass,
  type RiskListRules,
  type SkuObligation,
} from "@hopquy/compliance";
import type { TenantTx } from "@hopquy/db";
import { isoDate } from "../assessments/today";
import { findRiskListInForce, riskListRulesOf, type StoredRiskList } from "../risk-lists/risk-list-in-force";

export interface DeadlineSku {
  id: string;
  modelCode: string;
  hardwareRevision: string;
  brand: string;
  familyId: string | null;
  hsCode: string | null;
  productCategory: string | null;
  riskClass: EffectiveRiskClass;
  riskClassOrigin: "none" | "list" | "manual";
  riskClassReason: string | null;
  listRiskClass: ListedRiskClass | null;
  // A manual class the list in force contradicts.
  classConflict: boolean;
  marketStatus: "planned" | "on_market" | "withdrawn";
  onMarketSince: string | null;
  plannedLaunchOn: string | null;
  withdrawnOn: string | null;
}

export interface SkuObligations {
  sku: DeadlineSku;
  obligations: SkuObligation[];
}

export interface OrganizationObligations {
  today: string;
  list: RiskListRules | null;
  // The stored row the rules came from (label, citation, publication time for the UI).
  listRecord: StoredRiskList | null;
  skus: SkuObligations[];
}

type Reader = Pick<TenantTx, "sku" | "firmwareVersion" | "declarationSubmission">;

// Obligations are computed on read, never stored: a new list, a declaration or a market date moves
// them at once. A fixed set of queries (list, SKUs, firmware, declarations) whatever the SKU count.
export async function loadOrganizationObligations(
  db: Reader,
  today: string,
  options: { skuIds?: readonly string[]; includeArchived?: boolean } = {},
): Promise<OrganizationObligations> {
  const skuWhere = {
    ...(options.skuIds ? { id: { in: [...options.skuIds] } } : {}),
    ...(options.includeArchived ? {} : { archivedAt: null }),
  };
  const [listRow, skus, firmware, declarations] = await Promise.all([
    findRiskListInForce(),
    db.sku.findMany({
      where: skuWhere,
      select: {
        id: true,
        modelCode: true,
        hardwareRevision: true,
        brand: true,
        familyId: true,
        hsCode: true,
        productCategory: true,
        riskClass: true,
        riskClassOrigin: true,
        riskClassReason: true,
        listRiskClass: true,
        listRiskEntryId: true,
        marketStatus: true,
        onMarketSince: true,
        plannedLaunchOn: true,
        withdrawnOn: true,
      },
      orderBy: [{ modelCode: "asc" }, { hardwareRevision: "asc" }],
    }),
    db.firmwareVersion.findMany({
      where: { sku: skuWhere },
      select: { id: true, skuId: true, version: true, releaseDate: true },
      orderBy: [{ releaseDate: "asc" }, { createdAt: "asc" }],
    }),
    db.declarationSubmission.findMany({
      where: { sku: skuWhere },
      select: { id: true, skuId: true, filedOn: true, firmwareVersionId: true, route: true, status: true },
      orderBy: [{ filedOn: "asc" }, { id: "asc" }],
    }),
  ]);
  const list = listRow ? riskListRulesOf(listRow) : null;
  const firmwareOf = groupBySku(firmware);
  const declarationsOf = groupBySku(declarations);
  return {
    today,
    list,
    listRecord: listRow,
    skus: skus.map((s) => {
      const classConflict = s.riskClassOrigin === "manual" && s.listRiskClass !== null && s.listRiskClass !== s.riskClass;
      const riskClass: ResolvedRiskClass = {
        riskClass: s.riskClass,
        origin: s.riskClassOrigin,
        listRiskClass: s.listRiskClass as ListedRiskClass | null,
        listEntryId: s.listRiskEntryId,
        conflict: classConflict,
      };
      const sku: DeadlineSku = {
        id: s.id,
        modelCode: s.modelCode,
        hardwareRevision: s.hardwareRevision,
        brand: s.brand,
        familyId: s.familyId,
        hsCode: s.hsCode,
        productCategory: s.productCategory,
        riskClass: s.riskClass,
        riskClassOrigin: s.riskClassOrigin,
        riskClassReason: s.riskClassReason,
        listRiskClass: s.listRiskClass as ListedRiskClass | null,
        classConflict,
        marketStatus: s.marketStatus,
        onMarketSince: isoDate(s.onMarketSince),
        plannedLaunchOn: isoDate(s.plannedLaunchOn),
        withdrawnOn: isoDate(s.withdrawnOn),
      };
      const obligations = deriveSkuObligations({
        today,
        list,
        riskClass,
        market: { status: s.marketStatus, onMarketSince: sku.onMarketSince, plannedLaunchOn: sku.plannedLaunchOn, withdrawnOn: sku.withdrawnOn },
        firmware: (firmwareOf.get(s.id) ?? []).map((f) => ({ id: f.id, version: f.version, releaseDate: isoDate(f.releaseDate) })),
        declarations: (declarationsOf.get(s.id) ?? []).map((d) => ({
          id: d.id,
          filedOn: isoDate(d.filedOn)!,
          firmwareVersionId: d.firmwareVersionId,
          route: d.route,
          status: d.status,
        })),
      });
      return { sku, obligations };
    }),
  };
}

function groupBySku<T extends { skuId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.skuId, [...(map.get(row.skuId) ?? []), row]);
  return map;
}
