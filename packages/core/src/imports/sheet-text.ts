// Text rules shared by every spreadsheet import and export (pure).

// Case-, diacritic-, space- and punctuation-insensitive: "Mã HS", "ma hs", "MA_HS" all match.
export function normalizeHeader(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, "");
}

export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Spreadsheet column letters: 1 -> A, 27 -> AA.
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// A CSV cell starting with = + - @ runs as a formula when opened in a spreadsheet. The export
// prefixes such text with an apostrophe (as spreadsheets do) and the import takes it off again.
// Text that already starts with apostrophes before such a character gets one more, so it survives.
export const escapeFormula = (text: string) => (/^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text);
export const unescapeFormula = (text: string) => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const isoOf = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
};

// A date as customers' files hold it: 2026-07-01, 01/07/2026 (day first, as written in Vietnam),
// 1.7.2026, or an Excel serial number (46204) when a date cell was saved as a plain number.
// "" for a blank cell, null for anything that is not a real calendar day (31/02/2026, 13/13/2026).
export function parseSheetDate(cell: string): string | null {
  const text = cell.trim();
  if (text === "") return "";
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  // Serial numbers from 1900-03-01 (61; Excel's 1900 leap-year bug lives below it) to 2200.
  if (/^\d{2,6}(\.0+)?$/.test(text)) {
    const serial = Number(text);
    if (serial < 61 || serial > 110_000) return null;
    return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}
