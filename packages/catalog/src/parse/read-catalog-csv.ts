import { CATALOG_CSV_COLUMNS, catalogColumnOf, clauseFromRow, GROUP_COLUMNS, groupFromRow } from "../csv/catalog-csv-layout";
import { asRecord } from "../schema/consistency";
import type { DataPath, ParseError, ReadResult } from "./parse-result";
import { readCsvTable } from "./read-csv-table";

/** Builds a raw catalog from a catalog CSV; the first row of a group defines the group. */
export function readCatalogCsv(text: string): ReadResult {
  const table = readCsvTable(text, CATALOG_CSV_COLUMNS, ["group_code", "clause_code"]);
  const errors: ParseError[] = [...table.errors];
  const header = asRecord(table.header.value);
  for (const key of ["groups", "clauses"]) {
    if (key in header) {
      errors.push({ line: table.header.lineOf([key]), path: key, message: `"${key}" come from the CSV rows, not from the preamble` });
    }
  }

  const groups: Record<string, unknown>[] = [];
  const groupLines: number[] = [];
  const firstRowOfGroup = new Map<string, (typeof table.rows)[number]>();
  const clauses: Record<string, unknown>[] = [];
  const clauseLines: number[] = [];

  for (const row of table.rows) {
    const code = row.cells.group_code ?? "";
    const first = firstRowOfGroup.get(code);
    if (!first) {
      firstRowOfGroup.set(code, row);
      groups.push(groupFromRow(row.cells));
      groupLines.push(row.line);
    } else {
      for (const column of GROUP_COLUMNS) {
        if ((row.cells[column] ?? "") !== (first.cells[column] ?? "")) {
          errors.push({
            line: row.line,
            path: "(csv)",
            column,
            message: `group "${code}": ${column} differs from the group's first row (line ${first.line})`,
          });
        }
      }
    }
    clauses.push(clauseFromRow(row.cells));
    clauseLines.push(row.line);
  }

  const lineOf = (path: DataPath): number => {
    const [collection, index] = path;
    if (collection === "groups" && typeof index === "number") return groupLines[index] ?? 1;
    if (collection === "clauses" && typeof index === "number") return clauseLines[index] ?? 1;
    return table.header.lineOf(path);
  };
  return {
    document: { value: { ...header, groups, clauses }, lineOf, columnOf: catalogColumnOf },
    errors,
  };
}
