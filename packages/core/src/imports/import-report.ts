// What an import tells the user: every problem with the line and column they see in their file.
// `code` is an i18n key (imports.issues.<code>, else errors.<code> for the shared field messages).
export const IMPORT_MODES = ["all_or_nothing", "valid_rows_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
// Rows that match a record the organization already has.
export const ON_EXISTING = ["skip", "update"] as const;
export type OnExisting = (typeof ON_EXISTING)[number];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
// Enough to fix a file by on screen; the counts say how many there are, the CSV of rejected rows has all.
export const MAX_SHOWN_ISSUES = 1_000;

export interface ImportIssue {
  line: number;
  code: string;
  /** A warning does not reject the row (an ignored column, a merged duplicate). */
  severity?: "warning";
  /** Field key (modelCode, passwordsUsed, ...) when the problem is about one field. */
  column?: string;
  /** The header as written in the file, and the cell reference (B7), so users find the cell. */
  header?: string;
  cell?: string;
  params?: Record<string, string | number>;
}

export function fileIssue(code: string, params?: ImportIssue["params"], line = 1): ImportIssue {
  return params ? { line, code, params } : { line, code };
}

export const isError = (issue: ImportIssue) => issue.severity !== "warning";

// Issues of one line in the order of the file's columns (A, B, ..., AA).
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || columnOrder(a) - columnOrder(b));
}

function columnOrder(issue: ImportIssue): number {
  const letters = /^[A-Z]+/.exec(issue.cell ?? "")?.[0];
  if (!letters) return 0;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index;
}
