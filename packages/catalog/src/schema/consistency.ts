import type { z } from "zod";

/**
 * A cross-field problem (duplicate code, dangling reference...). The checks read the raw,
 * possibly malformed input defensively, so they can run next to the structural zod checks
 * and a parser can report both kinds of problem at once.
 */
export interface ConsistencyIssue {
  path: (string | number)[];
  message: string;
}

export type LooseRecord = Record<string, unknown>;

export function asRecord(value: unknown): LooseRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as LooseRecord) : {};
}

export function asRecords(value: unknown): LooseRecord[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Adds a schema refinement that reports the given consistency issues. */
export function withConsistency<T extends z.ZodType>(schema: T, check: (input: unknown) => ConsistencyIssue[]) {
  return schema.superRefine((value, ctx) => {
    for (const issue of check(value)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
}

/** Reports every occurrence after the first of a repeated key. */
export function findDuplicates(
  items: LooseRecord[],
  keyOf: (item: LooseRecord) => string | undefined,
  path: (index: number) => (string | number)[],
  describe: (key: string) => string,
): ConsistencyIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: ConsistencyIssue[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else issues.push({ path: path(index), message: `${describe(key)} is a duplicate (first at index ${first})` });
  });
  return issues;
}

/** Checks that an entry's `source` (or `basis`) names one of the file's header sources. */
export function checkSourceRefs(
  input: LooseRecord,
  collections: { name: string; field: string }[],
): ConsistencyIssue[] {
  const known = new Set(asRecords(input.sources).map((s) => asString(s.id)));
  const issues: ConsistencyIssue[] = [];
  for (const { name, field } of collections) {
    asRecords(input[name]).forEach((item, index) => {
      const ref = asString(item[field]);
      if (ref !== undefined && !known.has(ref)) {
        issues.push({ path: [name, index, field], message: `unknown source "${ref}" (not in the header's sources)` });
      }
    });
  }
  return issues;
}
