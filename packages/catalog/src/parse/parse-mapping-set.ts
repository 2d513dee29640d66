import { checkMappingSetConsistency } from "../schema/check-mapping-set-consistency";
import { mappingSetStructureSchema, type MappingSet } from "../schema/mapping-set-schema";
import type { DataFormat, ParseResult } from "./parse-result";
import { readJson } from "./read-json";
import { readMappingSetCsv } from "./read-mapping-set-csv";
import { readYaml } from "./read-yaml";
import { validateDocument } from "./validate-document";

/** Parses and validates a mapping set from YAML, JSON or the mapping-set CSV layout. */
export function parseMappingSet(text: string, format: DataFormat): ParseResult<MappingSet> {
  const read = format === "csv" ? readMappingSetCsv(text) : format === "json" ? readJson(text) : readYaml(text);
  if (!read.document) return { ok: false, errors: read.errors };
  return validateDocument(read.document, mappingSetStructureSchema, checkMappingSetConsistency, read.errors);
}
