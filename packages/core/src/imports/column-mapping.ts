// Which column of the file fills which field (pure). The wizard guesses from the header (field key,
// Vietnamese and English names, synonyms, a trailing "(key)" as our exports write it, and the
// organization's last confirmed mapping first); the user corrects it; unmapped columns are ignored.
import { columnLetter, normalizeHeader } from "./sheet-text";
import type { ImportIssue } from "./import-report";
import type { ImportTable } from "./read-import-table";

export interface ImportField {
  key: string;
  vi: string;
  en: string;
  aliases?: readonly string[];
  required?: boolean;
  /** Written by our exports for information; never read back (derived again on import). */
  exportOnly?: boolean;
}

/** Per column of the file, in order: the field key it fills, or null (ignored). */
export type ColumnMapping = (string | null)[];
/** normalized header -> field key, or null for "this column is ignored on purpose". */
export type SavedColumnMapping = Record<string, string | null>;

export function headerIndex(fields: readonly ImportField[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const field of fields) {
    for (const name of [field.key, field.vi, field.en, ...(field.aliases ?? [])]) {
      const normalized = normalizeHeader(name);
      if (normalized && !index.has(normalized)) index.set(normalized, field.key);
    }
  }
  return index;
}

// A trailing "(key)" wins, so a renamed Vietnamese label still imports; otherwise the whole text.
export function matchField(header: string, index: ReadonlyMap<string, string>): string | undefined {
  const trailing = /\(([^()]+)\)\s*$/.exec(header);
  if (trailing) {
    const byKey = index.get(normalizeHeader(trailing[1]!));
    if (byKey) return byKey;
  }
  return index.get(normalizeHeader(header));
}

export function guessColumnMapping(header: readonly string[], fields: readonly ImportField[], saved: SavedColumnMapping = {}): ColumnMapping {
  const index = headerIndex(fields);
  const known = new Set(fields.filter((f) => !f.exportOnly).map((f) => f.key));
  const taken = new Set<string>();
  return header.map((text) => {
    if (!text.trim()) return null;
    const normalized = normalizeHeader(text);
    const remembered = Object.hasOwn(saved, normalized) ? saved[normalized] : undefined;
    const guess = remembered === null ? null : remembered !== undefined && known.has(remembered) ? remembered : matchField(text, index);
    // Export-only columns and a second column for a field already taken stay unmapped.
    if (!guess || !known.has(guess) || taken.has(guess)) return null;
    taken.add(guess);
    return guess;
  });
}

// What the organization's next file is guessed from: this file's headers with the confirmed choice.
export function savedMappingOf(header: readonly string[], mapping: ColumnMapping, previous: SavedColumnMapping = {}): SavedColumnMapping {
  const saved: SavedColumnMapping = { ...previous };
  header.forEach((text, i) => {
    const normalized = normalizeHeader(text);
    if (normalized) saved[normalized] = mapping[i] ?? null;
  });
  return saved;
}

// An issue about one field of one row, with the header and the cell reference (B7) the user sees.
export function fieldIssueBuilder<K extends string>(table: ImportTable, indexOf: ReadonlyMap<string, number>) {
  return (line: number, key: K, code: string, params?: ImportIssue["params"]): ImportIssue => {
    const index = indexOf.get(key);
    return {
      line,
      code,
      column: key,
      ...(index === undefined ? {} : { header: table.header[index]!.trim(), cell: `${columnLetter(index + 1)}${line}` }),
      ...(params ? { params } : {}),
    };
  };
}

export interface MappedColumns {
  /** field key -> column index */
  indexOf: Map<string, number>;
  /** File-level problems: with any of them no row is read. */
  issues: ImportIssue[];
  /** Columns the user left unmapped that hold data: reported as a warning, never fatal. */
  ignored: { index: number; header: string; cell: string }[];
}

export function applyColumnMapping(table: ImportTable, fields: readonly ImportField[], mapping: ColumnMapping): MappedColumns {
  const line = table.headerLine;
  const indexOf = new Map<string, number>();
  const issues: ImportIssue[] = [];
  const ignored: MappedColumns["ignored"] = [];
  const known = new Map(fields.filter((f) => !f.exportOnly).map((f) => [f.key, f]));
  const hasValues = (index: number) => table.rows.some((row) => (row.cells[index] ?? "").trim() !== "");
  if (mapping.length !== table.header.length) issues.push({ line, code: "mapping_mismatch", params: { columns: table.header.length, mapped: mapping.length } });
  table.header.forEach((raw, index) => {
    const key = mapping[index] ?? null;
    const header = raw.trim();
    const cell = `${columnLetter(index + 1)}${line}`;
    if (key === null) {
      if (hasValues(index)) ignored.push({ index, header, cell });
      return;
    }
    if (!known.has(key)) {
      issues.push({ line, code: "unknown_field", header, cell, params: { field: key } });
      return;
    }
    if (indexOf.has(key)) {
      issues.push({ line, code: "duplicate_column", column: key, header, cell, params: { other: table.header[indexOf.get(key)!]!.trim() || columnLetter(indexOf.get(key)! + 1) } });
      return;
    }
    indexOf.set(key, index);
  });
  for (const field of known.values()) {
    if (field.required && !indexOf.has(field.key)) issues.push({ line, code: "missing_column", column: field.key, params: { vi: field.vi, en: field.en, key: field.key } });
  }
  return { indexOf, issues, ignored };
}
