import { createHash } from "node:crypto";
import type { Catalog } from "./schema/catalog-schema";
import type { MappingSet } from "./schema/mapping-set-schema";
import type { RiskList } from "./schema/risk-list-schema";
import type { Timeline } from "./schema/timeline-schema";

/**
 * sha256 (hex) of the canonical content: keys sorted, undefined properties dropped, text in
 * Unicode NFC (Vietnamese typed on different systems differs in composition only). List order
 * counts, as it is display order. Equal hashes mean "same file loaded again", not a new version.
 */
export function contentHash(value: Catalog | MappingSet | Timeline | RiskList): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}

function canonicalJson(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key.normalize("NFC"), item] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
