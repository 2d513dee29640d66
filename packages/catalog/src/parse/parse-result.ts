export type DataFormat = "yaml" | "json" | "csv";

export type DataPath = readonly (string | number)[];

/** One problem in a data file. `line` is 1-based and points into the original text. */
export interface ParseError {
  line: number;
  /** Data path such as `clauses[3].status`, or `(root)`. */
  path: string;
  message: string;
  /** CSV only: the column holding the offending cell. */
  column?: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] };

/** A document read from text but not yet validated, with a way back from data paths to lines. */
export interface RawDocument {
  value: unknown;
  lineOf(path: DataPath): number;
  columnOf?(path: DataPath): string | undefined;
}

/** What a reader got from the text: a document to validate (absent when the text is unreadable)
 * and the problems found so far (a CSV row with the wrong field count, say). */
export interface ReadResult {
  document: RawDocument | undefined;
  errors: ParseError[];
}

export function formatPath(path: DataPath): string {
  if (path.length === 0) return "(root)";
  return path.reduce<string>((text, segment) => {
    if (typeof segment === "number") return `${text}[${segment}]`;
    return text === "" ? segment : `${text}.${segment}`;
  }, "");
}
