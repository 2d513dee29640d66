import { formatCsvPreamble } from "../csv/csv-preamble";
import { RISK_LIST_CSV_COLUMNS, rowFromEntry } from "../csv/risk-list-csv-layout";
import { serializeCsv } from "../csv/serialize-csv";
import type { RiskList } from "../schema/risk-list-schema";
import { orderRiskList, orderRiskListHeader } from "./canonical-order";
import type { CsvExportOptions } from "./export-catalog-csv";
import { toYamlText } from "./to-yaml-text";

/** Risk-list CSV: header and obligations as a "# " YAML preamble, then one row per entry in list order. */
export function exportRiskListCsv(riskList: RiskList, options: CsvExportOptions = {}): string {
  const rows = orderRiskList(riskList).entries.map(rowFromEntry);
  const bom = options.bom === false ? "" : "\uFEFF";
  return bom + formatCsvPreamble(toYamlText(orderRiskListHeader(riskList))) + serializeCsv([RISK_LIST_CSV_COLUMNS, ...rows]);
}
