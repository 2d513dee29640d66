import type { LocalizedText } from "../schema/common";

/**
 * Cell conventions shared by the CSV layouts: an empty cell is an absent value; lists are
 * separated by ";"; booleans are true/false. A cell that does not convert is passed on as
 * text, so the schema reports it with its row and column.
 */
export function readText(cell: string | undefined): string | undefined {
  return cell === undefined || cell === "" ? undefined : cell;
}

export function readList(cell: string | undefined, asNumbers = false): unknown[] | undefined {
  const text = readText(cell);
  if (text === undefined) return undefined;
  return text.split(";").map((item) => {
    const trimmed = item.trim();
    return asNumbers && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
  });
}

export function readBoolean(cell: string | undefined): unknown {
  const text = readText(cell);
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : text;
}

export function readInteger(cell: string | undefined): unknown {
  const text = readText(cell);
  if (text === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

export function readLocalized(vi: string | undefined, en: string | undefined): LocalizedText | undefined {
  const text: LocalizedText = {};
  if (readText(vi) !== undefined) text.vi = vi;
  if (readText(en) !== undefined) text.en = en;
  return text.vi === undefined && text.en === undefined ? undefined : text;
}

export function writeCell(value: string | number | boolean | undefined | readonly (string | number)[]): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return value.join(";");
  return String(value);
}

/** Drops undefined properties so a value read from CSV equals the same value read from YAML. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
