import type { ParseError, ParseResult } from "../parse/parse-result";

/** 1-based line of the first line containing `needle`, counted in the text itself (from line `from` on). */
export function lineContaining(text: string, needle: string, from = 1): number {
  const index = text.split(/\r\n|\n|\r/).findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

/** The errors of a parse that must fail; throws when it succeeded. */
export function errorsOf<T>(result: ParseResult<T>): ParseError[] {
  if (result.ok) throw new Error("expected the parse to fail");
  return result.errors;
}
