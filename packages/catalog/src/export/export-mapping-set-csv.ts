import { formatCsvPreamble } from "../csv/csv-preamble";
import { MAPPING_SET_CSV_COLUMNS, rowFromMapping } from "../csv/mapping-set-csv-layout";
import { serializeCsv } from "../csv/serialize-csv";
import type { MappingSet } from "../schema/mapping-set-schema";
import { orderMappingSet, orderMappingSetHeader } from "./canonical-order";
import type { CsvExportOptions } from "./export-catalog-csv";
import { toYamlText } from "./to-yaml-text";

/** Mapping-set CSV: the header as a "# " YAML preamble, then one row per mapping in set order. */
export function exportMappingSetCsv(mappingSet: MappingSet, options: CsvExportOptions = {}): string {
  const rows = orderMappingSet(mappingSet).mappings.map(rowFromMapping);
  const bom = options.bom === false ? "" : "\uFEFF";
  return bom + formatCsvPreamble(toYamlText(orderMappingSetHeader(mappingSet))) + serializeCsv([MAPPING_SET_CSV_COLUMNS, ...rows]);
}
