import { asRecord } from "../schema/consistency";
import type { DataPath, ParseError, ReadResult } from "./parse-result";
import { readCsvTable } from "./read-csv-table";

/** How one CSV data kind lays out: a YAML preamble for the header, one row per item of `collection`. */
export interface CollectionCsvLayout<Column extends string> {
  columns: readonly Column[];
  requiredColumns: readonly Column[];
  collection: string;
  itemFromRow: (cells: Partial<Record<Column, string>>) => unknown;
  columnOf: NonNullable<ReadResult["document"]>["columnOf"];
}

/** Builds a raw document from the preamble and the rows; the one CSV reader every data kind uses. */
export function readCollectionCsv<Column extends string>(text: string, layout: CollectionCsvLayout<Column>): ReadResult {
  const table = readCsvTable(text, layout.columns, layout.requiredColumns);
  const errors: ParseError[] = [...table.errors];
  const header = asRecord(table.header.value);
  if (layout.collection in header) {
    errors.push({
      line: table.header.lineOf([layout.collection]),
      path: layout.collection,
      message: `"${layout.collection}" come from the CSV rows, not from the preamble`,
    });
  }
  const lines = table.rows.map((row) => row.line);
  const lineOf = (path: DataPath): number => {
    const [collection, index] = path;
    if (collection === layout.collection && typeof index === "number") return lines[index] ?? 1;
    return table.header.lineOf(path);
  };
  return {
    document: {
      value: { ...header, [layout.collection]: table.rows.map((row) => layout.itemFromRow(row.cells)) },
      lineOf,
      columnOf: layout.columnOf,
    },
    errors,
  };
}
