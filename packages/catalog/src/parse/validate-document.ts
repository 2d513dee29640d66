import type { z } from "zod";
import type { ConsistencyIssue } from "../schema/consistency";
import { formatPath, type DataPath, type ParseError, type ParseResult, type RawDocument } from "./parse-result";

/**
 * Runs the structural schema and the cross-field checks side by side (zod skips refinements once
 * the structure is invalid) and turns every issue into an error with its line.
 */
export function validateDocument<T>(
  document: RawDocument,
  structure: z.ZodType<T>,
  checkConsistency: (input: unknown) => ConsistencyIssue[],
  priorErrors: readonly ParseError[] = [],
): ParseResult<T> {
  const result = structure.safeParse(document.value);
  const errors: ParseError[] = [...priorErrors];
  const add = (path: DataPath, message: string) => {
    const column = document.columnOf?.(path);
    const error: ParseError = { line: document.lineOf(path), path: formatPath(path), message };
    if (column !== undefined) error.column = column;
    errors.push(error);
  };

  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...path, key], `unknown key "${key}"`);
    } else {
      add(path, issue.message);
    }
  }
  for (const issue of checkConsistency(document.value)) add(issue.path, issue.message);

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  if (!result.success) throw new Error("unreachable: schema failed without issues");
  return { ok: true, value: result.data };
}

function sortErrors(errors: ParseError[]): ParseError[] {
  const seen = new Set<string>();
  return errors
    .filter((error) => {
      const key = `${error.line}\u0000${error.path}\u0000${error.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}
