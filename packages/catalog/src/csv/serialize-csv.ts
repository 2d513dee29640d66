/** Writes RFC 4180 CSV: CRLF line endings, a field quoted when it holds a comma, quote or line break. */
export function serializeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteField).join(",") + "\r\n").join("");
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}
