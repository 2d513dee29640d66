import { MAPPING_SET_CSV_COLUMNS, mappingFromRow, mappingSetColumnOf } from "../csv/mapping-set-csv-layout";
import { asRecord } from "../schema/consistency";
import type { DataPath, ParseError, ReadResult } from "./parse-result";
import { readCsvTable } from "./read-csv-table";

export function readMappingSetCsv(text: string): ReadResult {
  const table = readCsvTable(text, MAPPING_SET_CSV_COLUMNS, ["source", "relation"]);
  const errors: ParseError[] = [...table.errors];
  const header = asRecord(table.header.value);
  if ("mappings" in header) {
    errors.push({ line: table.header.lineOf(["mappings"]), path: "mappings", message: '"mappings" come from the CSV rows, not from the preamble' });
  }
  const lines = table.rows.map((row) => row.line);
  const lineOf = (path: DataPath): number => {
    const [collection, index] = path;
    if (collection === "mappings" && typeof index === "number") return lines[index] ?? 1;
    return table.header.lineOf(path);
  };
  return {
    document: { value: { ...header, mappings: table.rows.map((row) => mappingFromRow(row.cells)) }, lineOf, columnOf: mappingSetColumnOf },
    errors,
  };
}
