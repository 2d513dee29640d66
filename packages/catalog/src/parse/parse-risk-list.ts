import { checkRiskListConsistency } from "../schema/check-risk-list-consistency";
import { riskListStructureSchema, type RiskList } from "../schema/risk-list-schema";
import type { DataFormat, ParseResult } from "./parse-result";
import { readJson } from "./read-json";
import { readRiskListCsv } from "./read-risk-list-csv";
import { readYaml } from "./read-yaml";
import { validateDocument } from "./validate-document";

/**
 * Parses and validates a risk list from YAML, JSON or the risk-list CSV layout. YAML is read as
 * YAML 1.2 (see readYaml), so `yes` / `no` stay the strings the schema expects, not booleans.
 */
export function parseRiskList(text: string, format: DataFormat): ParseResult<RiskList> {
  const read = format === "csv" ? readRiskListCsv(text) : format === "json" ? readJson(text) : readYaml(text);
  if (!read.document) return { ok: false, errors: read.errors };
  return validateDocument(read.document, riskListStructureSchema, checkRiskListConsistency, read.errors);
}
