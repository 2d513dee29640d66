// Bytes -> header + rows of text cells, for CSV (RFC 4180, UTF-8) and XLSX (first worksheet).
// The content decides the format, not the file name: a renamed text file gets a clear error.
import { parseCsv } from "@hopquy/catalog";
import ExcelJS from "exceljs";
import { fileIssue, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type SkuImportIssue } from "./import-report";
import { checkXlsxArchive, isOle2, isZip } from "./import-zip-guard";
import { unescapeFormula } from "./sku-sheet-layout";

export interface SheetRow {
  line: number;
  cells: string[];
}

export interface SheetTable {
  headerLine: number;
  header: string[];
  rows: SheetRow[];
  /** CSV only: a record with fewer fields than the header is a shifted row, not empty cells. */
  strictFieldCount: boolean;
}

export type SheetRead = { format: "csv" | "xlsx" | null; table?: SheetTable; issues: SkuImportIssue[] };

const fail = (format: SheetRead["format"], code: string, params?: Record<string, string | number>): SheetRead => ({ format, issues: [fileIssue(code, params)] });
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

export async function readSkuSheet(fileName: string, bytes: Uint8Array): Promise<SheetRead> {
  if (bytes.length > MAX_IMPORT_BYTES) return fail(null, "file_too_large", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (bytes.length === 0) return fail(null, "empty_file");
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOle2(bytes)) return fail("xlsx", "xls_not_supported");
  if (extension === "xlsx" || extension === "xlsm") return fail("xlsx", "not_xlsx");
  if (!["csv", "txt", ""].includes(extension)) return fail(null, "unsupported_file_type", { extension });
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): SheetRead {
  if (bytes.includes(0)) return fail("csv", "not_utf8");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("csv", "not_utf8");
  }
  const { records, problems } = parseCsv(text.normalize("NFC"));
  if (problems.length > 0) return { format: "csv", issues: problems.map((problem) => fileIssue(csvProblemCode(problem.message), undefined, problem.line)) };
  const [header, ...data] = records;
  if (!header) return fail("csv", "empty_file");
  // Excel in a Vietnamese locale saves "CSV" with semicolons; say so rather than report one odd column.
  if (header.fields.length === 1) {
    const delimiter = [";", "\t"].find((d) => header.fields[0]!.includes(d));
    if (delimiter) return fail("csv", "wrong_delimiter", { delimiter: delimiter === "\t" ? "Tab" : delimiter });
  }
  const rows = data.map((record) => ({ line: record.line, cells: record.fields.map(unescapeFormula) })).filter((row) => !isBlank(row.cells));
  return withinRowLimit({ format: "csv", table: { headerLine: header.line, header: header.fields, rows, strictFieldCount: true }, issues: [] });
}

function csvProblemCode(message: string): string {
  if (message.startsWith("unclosed")) return "csv_unclosed_quote";
  if (message.startsWith("unexpected text after")) return "csv_text_after_quote";
  return "csv_stray_quote";
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
  const archive = checkXlsxArchive(bytes);
  if (!archive.ok) return fail("xlsx", archive.reason === "too_large" ? "xlsx_too_large" : archive.reason === "not_xlsx" ? "not_xlsx" : "invalid_xlsx");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return fail("xlsx", "invalid_xlsx");
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return fail("xlsx", "empty_file");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    if (!isBlank(cells)) rows.push({ line, cells });
  });
  const [header, ...data] = rows;
  if (!header) return fail("xlsx", "empty_file");
  return withinRowLimit({ format: "xlsx", table: { headerLine: header.line, header: header.cells, rows: data, strictFieldCount: false }, issues: [] });
}

function withinRowLimit(read: SheetRead): SheetRead {
  const count = read.table?.rows.length ?? 0;
  return count > MAX_IMPORT_ROWS ? fail(read.format, "too_many_rows", { max: MAX_IMPORT_ROWS, count }) : read;
}

// What the user sees in the cell: formulas by their result, rich text and links by their text.
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.normalize("NFC");
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("").normalize("NFC");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}
