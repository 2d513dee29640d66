import type { DataPath } from "../parse/parse-result";
import type { RiskListEntry } from "../schema/risk-list-schema";
import { compact, readLocalized, readText, writeCell } from "./csv-cells";

/**
 * Risk-list CSV: one row per entry; the header fields and the obligations per class live in the
 * preamble. HS codes are plain text cells, so "8525.10" keeps its trailing zero.
 */
export const RISK_LIST_CSV_COLUMNS = ["id", "hsCodePrefix", "category", "riskClass", "title_vi", "title_en", "source"] as const;

export type RiskListCsvColumn = (typeof RISK_LIST_CSV_COLUMNS)[number];
export type RiskListCsvRow = Partial<Record<RiskListCsvColumn, string>>;

export function entryFromRow(row: RiskListCsvRow): Record<string, unknown> {
  return compact({
    id: readText(row.id),
    hsCodePrefix: readText(row.hsCodePrefix),
    category: readText(row.category),
    riskClass: readText(row.riskClass),
    title: readLocalized(row.title_vi, row.title_en),
    source: readText(row.source),
  });
}

export function rowFromEntry(entry: RiskListEntry): string[] {
  const row: Record<RiskListCsvColumn, string> = {
    id: entry.id,
    hsCodePrefix: writeCell(entry.hsCodePrefix),
    category: writeCell(entry.category),
    riskClass: entry.riskClass,
    title_vi: writeCell(entry.title?.vi),
    title_en: writeCell(entry.title?.en),
    source: writeCell(entry.source),
  };
  return RISK_LIST_CSV_COLUMNS.map((column) => row[column]);
}

const ENTRY_FIELD_COLUMNS: Record<string, RiskListCsvColumn> = {
  id: "id",
  hsCodePrefix: "hsCodePrefix",
  category: "category",
  riskClass: "riskClass",
  title: "title_en",
  "title.vi": "title_vi",
  "title.en": "title_en",
  source: "source",
};

/** The CSV column behind a data path such as entries[2].riskClass. */
export function riskListColumnOf(path: DataPath): RiskListCsvColumn | undefined {
  const [collection, , field, sub] = path;
  if (collection !== "entries" || field === undefined) return undefined;
  const key = typeof sub === "string" ? `${String(field)}.${sub}` : String(field);
  return ENTRY_FIELD_COLUMNS[key] ?? ENTRY_FIELD_COLUMNS[String(field)];
}
