// Bytes -> header + rows of text cells, for CSV / text (UTF-8 with or without BOM, UTF-16 from
// Excel's "Unicode text"; comma, semicolon or tab, detected) and XLSX (first non-empty worksheet).
// The content decides the format, not the file name: a renamed file gets a clear error.
import { parseCsv, type CsvDelimiter } from "@hopquy/catalog";
import ExcelJS from "exceljs";
import { unescapeFormula } from "./sheet-text";
import { fileIssue, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportIssue } from "./import-report";
import { checkXlsxArchive, isOle2, isZip } from "./zip-guard";

export interface TableRow {
  line: number;
  cells: string[];
}

export interface ImportTable {
  headerLine: number;
  header: string[];
  rows: TableRow[];
  /** CSV only: a record with fewer fields than the header is a shifted row, not empty cells. */
  strictFieldCount: boolean;
}

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export interface TableRead {
  format: "csv" | "xlsx" | null;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
  /** Text files: the content as decoded (what the run stores, whatever the upload's encoding). */
  text?: string;
  table?: ImportTable;
  issues: ImportIssue[];
}

const fail = (format: TableRead["format"], code: string, params?: Record<string, string | number>): TableRead => ({ format, issues: [fileIssue(code, params)] });
const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");

export async function readImportTable(fileName: string, bytes: Uint8Array): Promise<TableRead> {
  if (bytes.length > MAX_IMPORT_BYTES) return fail(null, "file_too_large", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (bytes.length === 0) return fail(null, "empty_file");
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (isZip(bytes)) return readXlsx(bytes);
  if (isOle2(bytes)) return fail("xlsx", "xls_not_supported");
  if (extension === "xlsx" || extension === "xlsm") return fail("xlsx", "not_xlsx");
  if (!["csv", "txt", "tsv", ""].includes(extension)) return fail(null, "unsupported_file_type", { extension });
  return readText(bytes);
}

// UTF-8 (BOM optional) or UTF-16 with its BOM (Excel's "Unicode text"), or UTF-16LE without one
// when every other byte is NUL. Anything else (Windows-1258, TCVN3, VNI) cannot be read safely:
// guessing would corrupt the diacritics, so the user is told how to save the file again.
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  const decode = (label: string, from: number) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return undefined;
    }
  };
  const startsWith = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  let decoded: { text: string | undefined; encoding: TextEncoding };
  if (startsWith(0xef, 0xbb, 0xbf)) decoded = { text: decode("utf-8", 3), encoding: "utf-8-bom" };
  else if (startsWith(0xff, 0xfe)) decoded = { text: decode("utf-16le", 2), encoding: "utf-16le" };
  else if (startsWith(0xfe, 0xff)) decoded = { text: decode("utf-16be", 2), encoding: "utf-16be" };
  else if (looksLikeUtf16Le(bytes)) decoded = { text: decode("utf-16le", 0), encoding: "utf-16le" };
  else decoded = { text: decode("utf-8", 0), encoding: "utf-8" };
  // A NUL in decoded text means binary content or a wrong guess, never a spreadsheet.
  if (decoded.text === undefined || decoded.text.includes("\0")) return undefined;
  return { text: decoded.text, encoding: decoded.encoding };
}

function looksLikeUtf16Le(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros > sample / 2 / 2 && evenZeros === 0;
}

// Excel's hint line "sep=;" wins; otherwise the delimiter that occurs most often outside quotes
// in the header line (a header without any is a one-column file: comma).
export function detectDelimiter(text: string): { delimiter: CsvDelimiter; skipFirstLine: boolean } {
  const firstLine = /^[^\r\n]*/.exec(text.trimStart())?.[0] ?? "";
  const hint = /^sep=([,;\t])$/.exec(firstLine);
  if (hint) return { delimiter: hint[1] as CsvDelimiter, skipFirstLine: true };
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as CsvDelimiter]++;
  }
  const best = ([";", "\t"] as const).reduce<CsvDelimiter>((winner, d) => (counts[d] > counts[winner] ? d : winner), ",");
  return { delimiter: best, skipFirstLine: false };
}

function readText(bytes: Uint8Array): TableRead {
  const decoded = decodeText(bytes);
  if (!decoded) return fail("csv", "not_utf8");
  const { delimiter, skipFirstLine } = detectDelimiter(decoded.text);
  let text = decoded.text.normalize("NFC");
  let firstLine = 1;
  if (skipFirstLine) {
    const leading = /^\s*[^\r\n]*(\r\n|\r|\n)?/.exec(text)![0];
    firstLine += (leading.match(/\r\n|\r|\n/g) ?? []).length;
    text = text.slice(leading.length);
  }
  const { records, problems } = parseCsv(text, firstLine, delimiter);
  const base = { format: "csv" as const, encoding: decoded.encoding, delimiter, text: decoded.text };
  if (problems.length > 0) return { ...base, issues: problems.map((problem) => fileIssue(csvProblemCode(problem.message), undefined, problem.line)) };
  const [header, ...data] = records.filter((record) => !isBlank(record.fields));
  if (!header) return { ...base, ...fail("csv", "empty_file") };
  const rows = data.map((record) => ({ line: record.line, cells: record.fields.map(unescapeFormula) }));
  return withinRowLimit({ ...base, table: { headerLine: header.line, header: header.fields.map((h) => h.trim()), rows, strictFieldCount: true }, issues: [] });
}

function csvProblemCode(message: string): string {
  if (message.startsWith("unclosed")) return "csv_unclosed_quote";
  if (message.startsWith("unexpected text after")) return "csv_text_after_quote";
  return "csv_stray_quote";
}

async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
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
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    if (!isBlank(cells)) rows.push({ line, cells });
  });
  const [header, ...data] = rows;
  if (!header) return fail("xlsx", "empty_file");
  return withinRowLimit({ format: "xlsx", table: { headerLine: header.line, header: header.cells.map((h) => h.trim()), rows: data, strictFieldCount: false }, issues: [] });
}

function withinRowLimit(read: TableRead): TableRead {
  const count = read.table?.rows.length ?? 0;
  return count > MAX_IMPORT_ROWS ? { ...read, table: undefined, issues: [fileIssue("too_many_rows", { max: MAX_IMPORT_ROWS, count })] } : read;
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
