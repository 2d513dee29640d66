/**
 * Risk lists for tests only (never shipped): a published MPS list and its amendment, used by unit,
 * integration and end-to-end tests. Keep both valid for parseRiskList.
 */
const OBLIGATIONS = {
  medium: `  - riskClass: medium
    declarationRequired: yes
    certificationRequired: no
    gracePeriodDays: 180
    redeclareOnNewFirmware: yes
    redeclareWithinDays: 30
`,
  high: `  - riskClass: high
    declarationRequired: yes
    certificationRequired: yes
    gracePeriodDays: 90
    redeclareOnNewFirmware: unknown
    redeclareWithinDays: unknown
`,
  low: `  - riskClass: low
    declarationRequired: no
    certificationRequired: no
    gracePeriodDays: unknown
    redeclareOnNewFirmware: no
    redeclareWithinDays: unknown
`,
};

function riskListYaml(version: string, status: "published" | "amended", class858589: "medium" | "high"): string {
  // No entry is medium once 8525.89 moves up, and obligations for an unused class are an error.
  const obligations = class858589 === "medium" ? [OBLIGATIONS.medium, OBLIGATIONS.high, OBLIGATIONS.low] : [OBLIGATIONS.high, OBLIGATIONS.low];
  return `kind: risk-list
id: mps-ip-camera-risk-list
version: ${version}
title:
  vi: Danh mục phân loại mức độ rủi ro sản phẩm camera IP của Bộ Công an (thử nghiệm)
  en: MPS risk-classification list for IP cameras (test data)
provisional: false
sources:
  - id: test-circular
    citation: Hand-made test publication, not a real text
notes:
  - Test data for HopQuy's own tests; not a real publication.
status: ${status}
instrument:
  name: Circular 125/2026/TT-BCA (test)
  number: 125/2026/TT-BCA
publicationDate: 2026-12-01
effectiveDate: 2027-01-01
source: test-circular
entries:
  - id: hs-8525-89
    hsCodePrefix: "8525.89"
    riskClass: ${class858589}
    title: { vi: Camera truyền hình khác, en: Other television cameras }
  - id: hs-8525-81
    hsCodePrefix: "8525.81"
    riskClass: high
    title: { vi: Camera tốc độ cao, en: High-speed cameras }
  - id: baby-monitor
    category: baby-monitor
    riskClass: low
    title: { vi: Thiết bị giám sát trẻ em, en: Baby monitors }
obligations:
${obligations.join("")}`;
}

/** Published: 8525.89 medium, 8525.81 high, category baby-monitor low. */
export const PUBLISHED_RISK_LIST_YAML = riskListYaml("test-published", "published", "medium");

/** The same list amended: 8525.89 moves from medium to high (the medium obligations go with it). */
export const AMENDED_RISK_LIST_YAML = riskListYaml("test-amended", "amended", "high");
