import { formatCsvPreamble } from "../csv/csv-preamble";
import { CATALOG_CSV_COLUMNS, rowFromClause } from "../csv/catalog-csv-layout";
import { serializeCsv } from "../csv/serialize-csv";
import type { Catalog } from "../schema/catalog-schema";
import { orderCatalog } from "./canonical-order";
import { toYamlText } from "./to-yaml-text";

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark so spreadsheet programs read Vietnamese text correctly (default true). */
  bom?: boolean;
}

/** Catalog CSV: the header as a "# " YAML preamble, then one row per clause in catalog order. */
export function exportCatalogCsv(catalog: Catalog, options: CsvExportOptions = {}): string {
  const { groups, clauses, ...header } = orderCatalog(catalog);
  const groupByCode = new Map(groups.map((group) => [group.code, group]));
  const rows = clauses.map((clause) => {
    const group = groupByCode.get(clause.group);
    if (!group) throw new Error(`clause ${clause.code} names unknown group ${clause.group}`);
    return rowFromClause(group, clause);
  });
  const bom = options.bom === false ? "" : "\uFEFF";
  return bom + formatCsvPreamble(toYamlText(header)) + serializeCsv([CATALOG_CSV_COLUMNS, ...rows]);
}
