import type { Clause, RequirementGroup } from "../schema/catalog-schema";
import type { DataPath } from "../parse/parse-result";
import { compact, readBoolean, readList, readLocalized, readText, writeCell } from "./csv-cells";

/**
 * Catalog CSV: one row per clause, the group's columns repeated on each of its rows.
 * Lists (conditions, features, ixits) are ";"-separated; booleans are true/false; empty = absent.
 */
export const CATALOG_CSV_COLUMNS = [
  "group_code",
  "group_title_vi",
  "group_title_en",
  "group_title_source",
  "group_provisional",
  "group_confidence",
  "group_source",
  "group_note",
  "clause_code",
  "title_vi",
  "title_en",
  "title_source",
  "summary_vi",
  "summary_en",
  "status",
  "conditions",
  "features",
  "subject",
  "test_type",
  "ixits",
  "provisional",
  "confidence",
  "source",
  "note",
] as const;

export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];
export type CatalogCsvRow = Partial<Record<CatalogCsvColumn, string>>;

export const GROUP_COLUMNS = CATALOG_CSV_COLUMNS.filter((column) => column.startsWith("group_"));

export function groupFromRow(row: CatalogCsvRow): Record<string, unknown> {
  return compact({
    code: readText(row.group_code),
    title: readLocalized(row.group_title_vi, row.group_title_en),
    titleSource: readText(row.group_title_source),
    provisional: readBoolean(row.group_provisional),
    confidence: readText(row.group_confidence),
    source: readText(row.group_source),
    note: readText(row.group_note),
  });
}

export function clauseFromRow(row: CatalogCsvRow): Record<string, unknown> {
  return compact({
    code: readText(row.clause_code),
    group: readText(row.group_code),
    title: readLocalized(row.title_vi, row.title_en),
    titleSource: readText(row.title_source),
    summary: readLocalized(row.summary_vi, row.summary_en),
    status: readText(row.status),
    conditions: readList(row.conditions, true),
    features: readList(row.features),
    subject: readText(row.subject),
    testType: readText(row.test_type),
    ixits: readList(row.ixits),
    provisional: readBoolean(row.provisional),
    confidence: readText(row.confidence),
    source: readText(row.source),
    note: readText(row.note),
  });
}

export function rowFromClause(group: RequirementGroup, clause: Clause): string[] {
  const row: Record<CatalogCsvColumn, string> = {
    group_code: group.code,
    group_title_vi: writeCell(group.title.vi),
    group_title_en: writeCell(group.title.en),
    group_title_source: writeCell(group.titleSource),
    group_provisional: writeCell(group.provisional),
    group_confidence: writeCell(group.confidence),
    group_source: group.source,
    group_note: writeCell(group.note),
    clause_code: clause.code,
    title_vi: writeCell(clause.title.vi),
    title_en: writeCell(clause.title.en),
    title_source: writeCell(clause.titleSource),
    summary_vi: writeCell(clause.summary?.vi),
    summary_en: writeCell(clause.summary?.en),
    status: writeCell(clause.status),
    conditions: writeCell(clause.conditions),
    features: writeCell(clause.features),
    subject: writeCell(clause.subject),
    test_type: writeCell(clause.testType),
    ixits: writeCell(clause.ixits),
    provisional: writeCell(clause.provisional),
    confidence: writeCell(clause.confidence),
    source: clause.source,
    note: writeCell(clause.note),
  };
  return CATALOG_CSV_COLUMNS.map((column) => row[column]);
}

const GROUP_FIELD_COLUMNS: Record<string, CatalogCsvColumn> = {
  code: "group_code",
  title: "group_title_en",
  "title.vi": "group_title_vi",
  "title.en": "group_title_en",
  titleSource: "group_title_source",
  provisional: "group_provisional",
  confidence: "group_confidence",
  source: "group_source",
  note: "group_note",
};

const CLAUSE_FIELD_COLUMNS: Record<string, CatalogCsvColumn> = {
  code: "clause_code",
  group: "group_code",
  title: "title_en",
  "title.vi": "title_vi",
  "title.en": "title_en",
  titleSource: "title_source",
  summary: "summary_en",
  "summary.vi": "summary_vi",
  "summary.en": "summary_en",
  status: "status",
  conditions: "conditions",
  features: "features",
  subject: "subject",
  testType: "test_type",
  ixits: "ixits",
  provisional: "provisional",
  confidence: "confidence",
  source: "source",
  note: "note",
};

/** The CSV column behind a data path such as clauses[4].title.en. */
export function catalogColumnOf(path: DataPath): CatalogCsvColumn | undefined {
  const [collection, , field, sub] = path;
  const key = typeof sub === "string" ? `${String(field)}.${sub}` : String(field);
  if (collection === "groups") return GROUP_FIELD_COLUMNS[key] ?? GROUP_FIELD_COLUMNS[String(field)];
  if (collection === "clauses") return CLAUSE_FIELD_COLUMNS[key] ?? CLAUSE_FIELD_COLUMNS[String(field)];
  return undefined;
}
