import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCatalog } from "./parse/parse-catalog";
import { parseMappingSet } from "./parse/parse-mapping-set";
import { parseRiskList } from "./parse/parse-risk-list";
import { parseTimeline } from "./parse/parse-timeline";
import { mappingSetReferenceErrors } from "./parse/mapping-set-reference-errors";
import type { DataFormat, ParseError, ParseResult } from "./parse/parse-result";
import type { Catalog } from "./schema/catalog-schema";
import type { MappingSet } from "./schema/mapping-set-schema";
import type { RiskList } from "./schema/risk-list-schema";
import type { Timeline } from "./schema/timeline-schema";

/** packages/catalog/data: catalogs/, mapping-sets/, timeline/ and risk-lists/ hold one data file each. */
export const SHIPPED_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), "../data");

export interface ShippedData {
  catalogs: Catalog[];
  mappingSets: MappingSet[];
  timeline: Timeline;
  /** One per list id; empty when data/risk-lists/ is absent. */
  riskLists: RiskList[];
}

export class ShippedDataError extends Error {
  constructor(
    readonly file: string,
    readonly errors: ParseError[],
  ) {
    const lines = errors.map((error) => `  ${file}:${error.line} ${error.path}: ${error.message}`);
    super(`Invalid shipped data file ${file}:\n${lines.join("\n")}`);
    this.name = "ShippedDataError";
  }
}

/**
 * Reads, parses and validates every shipped data file, and checks each mapping set against its
 * catalogs (both must be shipped, every clause it names must exist). Throws ShippedDataError.
 */
export function loadShippedData(dataDir: string = SHIPPED_DATA_DIR): ShippedData {
  const catalogs = readFolder(dataDir, "catalogs", (text, format) => parseCatalog(text, format)).map((entry) => entry.value);
  const mappingFiles = readFolder(dataDir, "mapping-sets", (text, format) => parseMappingSet(text, format));
  const timelines = readFolder(dataDir, "timeline", (text, format) =>
    format === "csv" ? { ok: false, errors: [{ line: 1, path: "(root)", message: "a timeline has no CSV layout" }] } : parseTimeline(text, format),
  );

  const byVersion = new Map<string, Catalog>();
  for (const catalog of catalogs) {
    const key = `${catalog.regulation}@${catalog.version}`;
    if (byVersion.has(key)) throw new Error(`Two shipped catalogs are ${key}`);
    byVersion.set(key, catalog);
  }

  for (const { file, text, format, value } of mappingFiles) {
    const source = byVersion.get(`${value.sourceCatalog.regulation}@${value.sourceCatalog.version}`);
    const target = byVersion.get(`${value.targetCatalog.regulation}@${value.targetCatalog.version}`);
    const errors = mappingSetReferenceErrors(text, format, value, source, target);
    if (errors.length > 0) throw new ShippedDataError(relative(dataDir, file), errors);
  }

  // Optional folder: data directories written before risk lists existed (and test copies) lack it.
  const riskLists = existsSync(join(dataDir, "risk-lists")) ? readFolder(dataDir, "risk-lists", parseRiskList).map((entry) => entry.value) : [];
  const riskListIds = new Set<string>();
  for (const list of riskLists) {
    if (riskListIds.has(list.id)) throw new Error(`Two shipped risk lists have the id ${list.id}`);
    riskListIds.add(list.id);
  }

  const [timeline, ...extra] = timelines;
  if (!timeline || extra.length > 0) throw new Error(`Expected exactly one timeline file in ${join(dataDir, "timeline")}, found ${timelines.length}`);
  return { catalogs, mappingSets: mappingFiles.map((entry) => entry.value), timeline: timeline.value, riskLists };
}

interface ReadFile<T> {
  file: string;
  text: string;
  format: DataFormat;
  value: T;
}

const FORMATS: Record<string, DataFormat> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv" };

function readFolder<T>(dataDir: string, folder: string, parse: (text: string, format: DataFormat) => ParseResult<T>): ReadFile<T>[] {
  const dir = join(dataDir, folder);
  return readdirSync(dir)
    .filter((name) => FORMATS[extname(name)] !== undefined)
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const format = FORMATS[extname(name)] ?? "yaml";
      const text = readFileSync(file, "utf8");
      const result = parse(text, format);
      if (!result.ok) throw new ShippedDataError(relative(dataDir, file), result.errors);
      return { file, text, format, value: result.value };
    });
}
