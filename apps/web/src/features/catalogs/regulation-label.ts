// How people write the designations; imported regulations without an entry fall back to their code.
const DESIGNATIONS: Record<string, string> = {
  QCVN_11_2026_BCA: "QCVN 11:2026/BCA",
  QCVN_135_2024_BTTTT: "QCVN 135:2024/BTTTT",
  ETSI_EN_303_645: "ETSI EN 303 645",
  ETSI_TS_103_701: "ETSI TS 103 701",
};

export function regulationLabel(code: string): string {
  return DESIGNATIONS[code] ?? code.replace(/_/g, " ");
}
