import type { RiskList } from "@hopquy/catalog";
import type { ListedRiskClass, RiskClassObligationRules, RiskListRules } from "@hopquy/compliance";
import { platformDb } from "@hopquy/db";
import { isoDate } from "../assessments/today";

// The columns a risk-list row is read with everywhere (its document carries entries and obligations).
export const RISK_LIST_SELECT = {
  id: true,
  key: true,
  revision: true,
  status: true,
  version: true,
  instrumentName: true,
  instrumentNumber: true,
  publicationDate: true,
  effectiveDate: true,
  sourceCitation: true,
  document: true,
  origin: true,
  publishedAt: true,
} as const;

export interface StoredRiskList {
  id: string;
  key: string;
  revision: number;
  status: string;
  version: string;
  instrumentName: string | null;
  instrumentNumber: string | null;
  publicationDate: Date | null;
  effectiveDate: Date | null;
  sourceCitation: string;
  document: unknown;
  origin: "shipped" | "imported";
  publishedAt: Date;
}

// The list in force is the newest published revision (of whatever key): rows are immutable, so an
// amendment or a replacement is always a newer row. Null before any list was loaded.
export async function findRiskListInForce(): Promise<StoredRiskList | null> {
  return platformDb().riskList.findFirst({ orderBy: [{ publishedAt: "desc" }, { revision: "desc" }], select: RISK_LIST_SELECT });
}

export function riskListLabel(row: Pick<StoredRiskList, "instrumentName" | "instrumentNumber" | "document" | "revision">): string {
  const document = row.document as RiskList;
  const name = row.instrumentNumber ?? row.instrumentName ?? document.title.vi ?? document.title.en ?? document.id;
  return `${name} (revision ${row.revision})`;
}

// The stored row as the pure rules read it. Unknown facts ("unknown") stay unknown (null days).
export function riskListRulesOf(row: StoredRiskList): RiskListRules {
  const document = row.document as RiskList;
  const obligations: Partial<Record<ListedRiskClass, RiskClassObligationRules>> = {};
  for (const o of document.obligations) {
    obligations[o.riskClass] = {
      declarationRequired: o.declarationRequired,
      certificationRequired: o.certificationRequired,
      gracePeriodDays: o.gracePeriodDays === "unknown" ? null : o.gracePeriodDays,
      redeclareOnNewFirmware: o.redeclareOnNewFirmware,
      redeclareWithinDays: o.redeclareWithinDays === "unknown" ? null : o.redeclareWithinDays,
    };
  }
  return {
    id: row.id,
    label: riskListLabel(row),
    status: row.status as RiskListRules["status"],
    publicationDate: isoDate(row.publicationDate),
    effectiveDate: isoDate(row.effectiveDate),
    source: row.sourceCitation,
    entries: document.entries.map((e) => ({
      id: e.id,
      riskClass: e.riskClass,
      ...(e.hsCodePrefix !== undefined ? { hsCodePrefix: e.hsCodePrefix } : {}),
      ...(e.category !== undefined ? { category: e.category } : {}),
    })),
    obligations,
  };
}

// The rules of the list in force (null before any list was loaded), as refreshSkuRiskClasses reads them.
export async function rulesOfListInForce(): Promise<RiskListRules | null> {
  const row = await findRiskListInForce();
  return row ? riskListRulesOf(row) : null;
}
