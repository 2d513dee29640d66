import { checkCatalogConsistency } from "../schema/check-catalog-consistency";
import { catalogStructureSchema, type Catalog } from "../schema/catalog-schema";
import type { DataFormat, ParseResult } from "./parse-result";
import { readCatalogCsv } from "./read-catalog-csv";
import { readJson } from "./read-json";
import { readYaml } from "./read-yaml";
import { validateDocument } from "./validate-document";

/** Parses and validates a catalog version from YAML, JSON or the catalog CSV layout. */
export function parseCatalog(text: string, format: DataFormat): ParseResult<Catalog> {
  const read = format === "csv" ? readCatalogCsv(text) : format === "json" ? readJson(text) : readYaml(text);
  if (!read.document) return { ok: false, errors: read.errors };
  return validateDocument(read.document, catalogStructureSchema, checkCatalogConsistency, read.errors);
}
