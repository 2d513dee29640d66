import type { ClauseMapping } from "../schema/mapping-set-schema";
import type { DataPath } from "../parse/parse-result";
import { compact, readBoolean, readInteger, readText, writeCell } from "./csv-cells";

/** Mapping-set CSV: one row per mapping decision; an empty target means "no target" (not_related). */
export const MAPPING_SET_CSV_COLUMNS = [
  "source",
  "target",
  "relation",
  "strength",
  "inferred",
  "certainty",
  "basis",
  "rationale",
] as const;

export type MappingSetCsvColumn = (typeof MAPPING_SET_CSV_COLUMNS)[number];
export type MappingSetCsvRow = Partial<Record<MappingSetCsvColumn, string>>;

export function mappingFromRow(row: MappingSetCsvRow): Record<string, unknown> {
  return compact({
    source: readText(row.source),
    target: readText(row.target),
    relation: readText(row.relation),
    strength: readInteger(row.strength),
    inferred: readBoolean(row.inferred),
    certainty: readText(row.certainty),
    basis: readText(row.basis),
    rationale: readText(row.rationale),
  });
}

export function rowFromMapping(mapping: ClauseMapping): string[] {
  const row: Record<MappingSetCsvColumn, string> = {
    source: mapping.source,
    target: writeCell(mapping.target),
    relation: mapping.relation,
    strength: writeCell(mapping.strength),
    inferred: writeCell(mapping.inferred),
    certainty: writeCell(mapping.certainty),
    basis: mapping.basis,
    rationale: writeCell(mapping.rationale),
  };
  return MAPPING_SET_CSV_COLUMNS.map((column) => row[column]);
}

export function mappingSetColumnOf(path: DataPath): MappingSetCsvColumn | undefined {
  const [collection, , field] = path;
  if (collection !== "mappings" || typeof field !== "string") return undefined;
  return (MAPPING_SET_CSV_COLUMNS as readonly string[]).includes(field) ? (field as MappingSetCsvColumn) : undefined;
}
