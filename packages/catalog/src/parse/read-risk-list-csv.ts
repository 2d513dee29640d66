import { entryFromRow, RISK_LIST_CSV_COLUMNS, riskListColumnOf } from "../csv/risk-list-csv-layout";
import type { ReadResult } from "./parse-result";
import { readCollectionCsv } from "./read-collection-csv";

/** A raw risk list from the preamble (header and obligations) and one entry per row. */
export function readRiskListCsv(text: string): ReadResult {
  return readCollectionCsv(text, {
    columns: RISK_LIST_CSV_COLUMNS,
    requiredColumns: ["id", "riskClass"],
    collection: "entries",
    itemFromRow: entryFromRow,
    columnOf: riskListColumnOf,
  });
}
