import { parseCsv } from "../csv/parse-csv";
import { splitCsvPreamble } from "../csv/csv-preamble";
import type { ParseError, RawDocument } from "./parse-result";
import { readYaml } from "./read-yaml";

export interface CsvTableRow<Column extends string> {
  line: number;
  cells: Partial<Record<Column, string>>;
}

export interface CsvTable<Column extends string> {
  /** The YAML preamble; an empty object when the file has none. */
  header: RawDocument;
  rows: CsvTableRow<Column>[];
  errors: ParseError[];
}

/** Reads preamble + header row + rows, checking column names and every row's field count. */
export function readCsvTable<Column extends string>(
  text: string,
  columns: readonly Column[],
  requiredColumns: readonly Column[],
): CsvTable<Column> {
  const split = splitCsvPreamble(text);
  const errors: ParseError[] = [];

  let header: RawDocument = { value: {}, lineOf: () => 1 };
  if (split.preambleYaml.trim() !== "") {
    const preamble = readYaml(split.preambleYaml);
    errors.push(...preamble.errors.map((error) => ({ ...error, message: `preamble: ${error.message}` })));
    if (preamble.document) header = preamble.document;
  }

  const { records, problems } = parseCsv(split.table, split.tableFirstLine);
  errors.push(...problems.map((problem) => ({ line: problem.line, path: "(csv)", message: problem.message })));

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) {
    errors.push({ line: split.tableFirstLine, path: "(csv)", message: `missing the header row (${columns.join(",")})` });
    return { header, rows: [], errors };
  }

  const known = new Set<string>(columns);
  const names = headerRecord.fields.map((name) => name.trim());
  names.forEach((name, index) => {
    if (!known.has(name)) errors.push({ line: headerRecord.line, path: "(csv)", column: name, message: `unknown column "${name}"` });
    else if (names.indexOf(name) !== index) errors.push({ line: headerRecord.line, path: "(csv)", column: name, message: `duplicate column "${name}"` });
  });
  for (const required of requiredColumns) {
    if (!names.includes(required)) errors.push({ line: headerRecord.line, path: "(csv)", column: required, message: `missing column "${required}"` });
  }

  const rows: CsvTableRow<Column>[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        path: "(csv)",
        message: `expected ${names.length} fields as in the header row, found ${record.fields.length}`,
      });
      continue;
    }
    const cells: Partial<Record<Column, string>> = {};
    names.forEach((name, index) => {
      if (known.has(name)) cells[name as Column] = record.fields[index];
    });
    rows.push({ line: record.line, cells });
  }
  return { header, rows, errors };
}
