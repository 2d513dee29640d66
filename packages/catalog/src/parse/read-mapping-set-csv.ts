import { MAPPING_SET_CSV_COLUMNS, mappingFromRow, mappingSetColumnOf } from "../csv/mapping-set-csv-layout";
import type { ReadResult } from "./parse-result";
import { readCollectionCsv } from "./read-collection-csv";

/** A raw mapping set from the preamble (header) and one mapping per row. */
export function readMappingSetCsv(text: string): ReadResult {
  return readCollectionCsv(text, {
    columns: MAPPING_SET_CSV_COLUMNS,
    requiredColumns: ["source", "relation"],
    collection: "mappings",
    itemFromRow: mappingFromRow,
    columnOf: mappingSetColumnOf,
  });
}
