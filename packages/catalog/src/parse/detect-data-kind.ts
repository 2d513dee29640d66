import { isMap, parse as parseYaml, parseDocument } from "yaml";
import { splitCsvPreamble } from "../csv/csv-preamble";
import type { DataFormat } from "./parse-result";

export type DataKind = "catalog" | "mapping-set" | "timeline" | "risk-list";

const DATA_KINDS: readonly unknown[] = ["catalog", "mapping-set", "timeline", "risk-list"] satisfies DataKind[];

/**
 * What an uploaded file claims to be, from its `kind` header (the CSV preamble for CSV files). A file
 * with a syntax error further down still names its kind, so that the parser reports that error on
 * its line instead of the upload being refused as a file of unknown kind.
 */
export function detectDataKind(text: string, format: DataFormat): DataKind | undefined {
  const content = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const source = format === "csv" ? splitCsvPreamble(content).preambleYaml : content;
  let header: unknown;
  try {
    header = format === "json" ? JSON.parse(source) : parseYaml(source);
  } catch {
    header = tolerantHeader(source);
  }
  const kind = (header as { kind?: unknown } | null)?.kind;
  return DATA_KINDS.includes(kind) ? (kind as DataKind) : undefined;
}

// YAML reads JSON too, and parseDocument keeps what it could read around a syntax error.
function tolerantHeader(source: string): { kind?: unknown } | undefined {
  try {
    const doc = parseDocument(source, { prettyErrors: false });
    return isMap(doc.contents) ? { kind: doc.contents.get("kind") } : undefined;
  } catch {
    return undefined;
  }
}

/** The data format from a file name; undefined for anything else. */
export function dataFormatOf(fileName: string): DataFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "yaml" || extension === "yml") return "yaml";
  if (extension === "json") return "json";
  if (extension === "csv") return "csv";
  return undefined;
}
