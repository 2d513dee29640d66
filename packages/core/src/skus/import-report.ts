// What an import tells the user: every problem with the line and column they see in their file.
// `code` is an i18n key (skuImport.issues.<code>, else errors.<code> for the shared field messages).
export const IMPORT_MODES = ["validate", "all_or_nothing", "valid_rows_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;
// Enough to fix a file by; the counts still say how many there are in all.
export const MAX_REPORTED_ISSUES = 1_000;

export interface SkuImportIssue {
  line: number;
  code: string;
  /** Column key (modelCode, passwordsUsed, ...) when the problem is about one column. */
  column?: string;
  /** The header as written in the file, and the cell reference (B7), so users find the cell. */
  header?: string;
  cell?: string;
  params?: Record<string, string | number>;
}

export type ImportOutcome = "validated" | "imported" | "refused";

export interface SkuImportReport {
  fileName: string;
  format: "csv" | "xlsx" | null;
  mode: ImportMode;
  outcome: ImportOutcome;
  /** A problem with the whole file (size, format, header): no row can be imported. */
  fileInvalid: boolean;
  rowCount: number;
  validRowCount: number;
  invalidRowCount: number;
  issueCount: number;
  issues: SkuImportIssue[];
  imported: { skus: number; families: number };
}

export function fileIssue(code: string, params?: SkuImportIssue["params"], line = 1): SkuImportIssue {
  return params ? { line, code, params } : { line, code };
}
