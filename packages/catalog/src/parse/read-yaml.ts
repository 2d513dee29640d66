import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { DataPath, ReadResult } from "./parse-result";

/** Parses YAML and keeps the node positions, so validation errors can name the offending line. */
export function readYaml(text: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      document: undefined,
      errors: doc.errors.map((error) => ({
        line: error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line,
        path: "(root)",
        message: `YAML syntax: ${error.message}`,
      })),
    };
  }

  const lineOf = (path: DataPath): number => {
    let node: unknown = doc.contents;
    let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => keyText(item.key) === String(segment));
        if (!pair) break;
        // The key's line is where a reader looks for "status: X" or for a nested block.
        if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (!isNode(item) || !item.range) break;
        offset = item.range[0];
        node = item;
      } else {
        break;
      }
    }
    return lineCounter.linePos(offset).line;
  };

  return { document: { value: doc.toJS({ maxAliasCount: 100 }), lineOf }, errors: [] };
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key as Node | string);
}
