import { parse as parseYaml } from "yaml";
import { splitCsvPreamble } from "../csv/csv-preamble";
import type { DataFormat } from "./parse-result";

export type DataKind = "catalog" | "mapping-set" | "timeline";

/** What an uploaded file claims to be, from its `kind` header (the CSV preamble for CSV files). */
export function detectDataKind(text: string, format: DataFormat): DataKind | undefined {
  let header: unknown;
  try {
    if (format === "json") header = JSON.parse(text);
    else if (format === "csv") header = parseYaml(splitCsvPreamble(text).preambleYaml);
    else header = parseYaml(text);
  } catch {
    return undefined;
  }
  const kind = (header as { kind?: unknown } | null)?.kind;
  return kind === "catalog" || kind === "mapping-set" || kind === "timeline" ? kind : undefined;
}

/** The data format from a file name; undefined for anything else. */
export function dataFormatOf(fileName: string): DataFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "yaml" || extension === "yml") return "yaml";
  if (extension === "json") return "json";
  if (extension === "csv") return "csv";
  return undefined;
}
