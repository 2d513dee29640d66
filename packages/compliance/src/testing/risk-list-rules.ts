import type { RiskListRules } from "../risk-classification";

/**
 * The published test list of @hopquy/catalog's risk-list fixtures, as rules: 8525.89 medium, 8525.81
 * high, category baby-monitor low; effective 2027-01-01. Each call returns a fresh copy to change.
 */
export function publishedRules(): RiskListRules {
  return {
    id: "risk-list-rev-1",
    label: "Circular 125/2026/TT-BCA (revision 1)",
    status: "published",
    publicationDate: "2026-12-01",
    effectiveDate: "2027-01-01",
    source: "Circular 125/2026/TT-BCA (test)",
    entries: [
      { id: "hs-8525-89", hsCodePrefix: "8525.89", riskClass: "medium" },
      { id: "hs-8525-81", hsCodePrefix: "8525.81", riskClass: "high" },
      { id: "baby-monitor", category: "baby-monitor", riskClass: "low" },
    ],
    obligations: {
      medium: { declarationRequired: "yes", certificationRequired: "no", gracePeriodDays: 180, redeclareOnNewFirmware: "yes", redeclareWithinDays: 30 },
      high: { declarationRequired: "yes", certificationRequired: "yes", gracePeriodDays: 90, redeclareOnNewFirmware: "unknown", redeclareWithinDays: null },
      low: { declarationRequired: "no", certificationRequired: "no", gracePeriodDays: null, redeclareOnNewFirmware: "no", redeclareWithinDays: null },
    },
  };
}

/** The amendment: 8525.89 moves to high. */
export function amendedRules(): RiskListRules {
  const list = publishedRules();
  return {
    ...list,
    id: "risk-list-rev-2",
    label: "Circular 125/2026/TT-BCA (revision 2)",
    status: "amended",
    entries: list.entries.map((e) => (e.id === "hs-8525-89" ? { ...e, riskClass: "high" as const } : e)),
    obligations: { high: list.obligations.high, low: list.obligations.low },
  };
}

export function unpublishedRules(): RiskListRules {
  return { ...publishedRules(), status: "not_published", publicationDate: null, effectiveDate: null, entries: [], obligations: {} };
}
