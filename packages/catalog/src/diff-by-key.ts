import { isDeepStrictEqual } from "node:util";

export interface ChangedItem<T> {
  code: string;
  /** Top-level fields whose value differs, e.g. ["status", "title"]. */
  fields: string[];
  before: T;
  after: T;
}

export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: ChangedItem<T>[];
}

/** Matches items of two lists on a key and reports added, removed and changed ones. */
export function diffByKey<T extends object>(before: T[], after: T[], keyOf: (item: T) => string): ItemDiff<T> {
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterByKey = new Map(after.map((item) => [keyOf(item), item]));
  const changed: ChangedItem<T>[] = [];
  for (const item of after) {
    const previous = beforeByKey.get(keyOf(item));
    if (!previous) continue;
    const fields = changedFields(previous, item);
    if (fields.length > 0) changed.push({ code: keyOf(item), fields, before: previous, after: item });
  }
  return {
    added: after.filter((item) => !beforeByKey.has(keyOf(item))),
    removed: before.filter((item) => !afterByKey.has(keyOf(item))),
    changed,
  };
}

function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  return [...keys].filter((key) => !isDeepStrictEqual(left[key], right[key])).sort();
}
