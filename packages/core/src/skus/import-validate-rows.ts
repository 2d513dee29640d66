// Header + rows -> SKU inputs, through the same schema as createSku (one validation path). Pure:
// duplicates against the organization's existing SKUs are the service's job.
import type { ApplicabilityProfile, Capability } from "@hopquy/compliance";
import type { z } from "zod";
import type { SkuImportIssue } from "./import-report";
import type { SheetTable } from "./import-read-sheet";
import { marketIssues, normalizeMarket, type MarketFacts } from "./sku-class-and-market";
import { createSkuInput, productFamilyInput } from "./sku-input";
import {
  CAPABILITY_COLUMNS,
  columnLetter,
  matchHeader,
  parseMarketStatus,
  parseRiskClass,
  parseRiskClassOrigin,
  parseRiskClassReason,
  parseYesNo,
  REQUIRED_COLUMNS,
  SKU_SHEET_COLUMNS,
  type SkuSheetColumnKey,
} from "./sku-sheet-layout";

export type SkuCandidateInput = Omit<z.output<typeof createSkuInput>, "familyId">;

export interface SkuCandidate {
  line: number;
  input: SkuCandidateInput;
  /** Checked and normalized like createSku does. */
  market: MarketFacts;
  familyName?: string;
  archived: boolean;
}

export interface RowValidation {
  /** Problems with the file's columns: when present, no row was read. */
  fileIssues: SkuImportIssue[];
  rowIssues: SkuImportIssue[];
  /** Every row that had no problem, in file order. */
  candidates: SkuCandidate[];
  rowCount: number;
  /** An issue about one cell, with the header and cell reference the user sees. */
  issueAt: (line: number, key: SkuSheetColumnKey, code: string, params?: SkuImportIssue["params"]) => SkuImportIssue;
}

export const duplicateKey = (modelCode: string, hardwareRevision: string) => `${modelCode.trim()}\u0000${hardwareRevision.trim()}`;

export function validateSkuRows(table: SheetTable, options: { canArchive: boolean }): RowValidation {
  const { indexOf, issues: columnIssues } = mapColumns(table);
  const at = (key: SkuSheetColumnKey) => indexOf.get(key);
  const issueAt: RowValidation["issueAt"] = (line, key, code, params) => {
    const index = at(key);
    return {
      line,
      code,
      column: key,
      ...(index === undefined ? {} : { header: table.header[index]!.trim(), cell: `${columnLetter(index + 1)}${line}` }),
      ...(params ? { params } : {}),
    };
  };
  if (columnIssues.length > 0) return { fileIssues: columnIssues, rowIssues: [], candidates: [], rowCount: table.rows.length, issueAt };

  const rowIssues: SkuImportIssue[] = [];
  const parsed: (SkuCandidate | null)[] = [];
  const linesByKey = new Map<string, number[]>();
  for (const row of table.rows) {
    const issues: SkuImportIssue[] = [];
    const cell = (key: SkuSheetColumnKey) => {
      const index = at(key);
      return index === undefined ? "" : (row.cells[index] ?? "");
    };

    if (table.strictFieldCount && row.cells.length < table.header.length) {
      issues.push({ line: row.line, code: "field_count", params: { expected: table.header.length, found: row.cells.length } });
    }
    row.cells.forEach((value, index) => {
      if (index >= table.header.length && value.trim() !== "") {
        issues.push({ line: row.line, code: "cell_without_header", cell: `${columnLetter(index + 1)}${row.line}` });
      }
    });

    const capabilities: Partial<ApplicabilityProfile> = {};
    for (const key of CAPABILITY_COLUMNS) {
      if (at(key as Capability) === undefined) continue;
      const answer = parseYesNo(cell(key as Capability));
      if (answer === undefined) issues.push(issueAt(row.line, key as Capability, "invalid_yes_no"));
      else capabilities[key as Capability] = answer;
    }
    const archived = parseYesNo(cell("archived"));
    if (archived === undefined) issues.push(issueAt(row.line, "archived", "invalid_yes_no"));
    else if (archived && !options.canArchive) issues.push(issueAt(row.line, "archived", "archive_not_allowed"));

    const familyName = cell("family").trim();
    if (familyName) {
      const family = productFamilyInput.shape.name.safeParse(familyName);
      if (!family.success) issues.push(issueAt(row.line, "family", family.error.issues[0]!.message));
    }

    // An exported SKU whose class came from the list (or from nothing) is not a class set by hand.
    const origin = parseRiskClassOrigin(cell("riskClassOrigin"));
    if (origin === null) issues.push(issueAt(row.line, "riskClassOrigin", "invalid_risk_class_origin"));
    const classFromList = origin === "list" || origin === "none";
    const result = createSkuInput.safeParse({
      modelCode: cell("modelCode"),
      hardwareRevision: cell("hardwareRevision"),
      brand: cell("brand"),
      manufacturer: cell("manufacturer"),
      importer: cell("importer"),
      countryOfOrigin: cell("countryOfOrigin"),
      hsCode: cell("hsCode"),
      description: cell("description"),
      riskClass: classFromList ? undefined : parseRiskClass(cell("riskClass")),
      riskClassReason: classFromList ? undefined : parseRiskClassReason(cell("riskClassReason")),
      productCategory: cell("productCategory"),
      marketStatus: parseMarketStatus(cell("marketStatus")),
      onMarketSince: cell("onMarketSince").trim(),
      plannedLaunchOn: cell("plannedLaunchOn").trim(),
      withdrawnOn: cell("withdrawnOn").trim(),
      capabilities,
    });
    let market: MarketFacts | undefined;
    if (result.success) {
      market = normalizeMarket({
        marketStatus: result.data.marketStatus ?? "on_market",
        onMarketSince: result.data.onMarketSince ?? null,
        plannedLaunchOn: result.data.plannedLaunchOn ?? null,
        withdrawnOn: result.data.withdrawnOn ?? null,
      });
      for (const issue of marketIssues(market)) issues.push(issueAt(row.line, issue.path[0] as SkuSheetColumnKey, issue.message));
    }
    if (!result.success) {
      const reported = new Set<string>();
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "modelCode") as SkuSheetColumnKey;
        // One reason per cell: a blank required cell is "required", not also "invalid format".
        if (reported.has(key)) continue;
        reported.add(key);
        issues.push(issueAt(row.line, key, cell(key).trim() === "" ? "required" : issue.message));
      }
    }

    const modelCode = cell("modelCode");
    if (modelCode.trim()) {
      const key = duplicateKey(modelCode, cell("hardwareRevision"));
      linesByKey.set(key, [...(linesByKey.get(key) ?? []), row.line]);
    }
    rowIssues.push(...issues);
    parsed.push(
      issues.length === 0 && result.success && market
        ? { line: row.line, input: withoutFamilyId(result.data), market, archived: archived === true, ...(familyName ? { familyName } : {}) }
        : null,
    );
  }

  // Both (all) lines of a duplicate are bad: which one is meant is for the user to say.
  const duplicateLines = new Set<number>();
  for (const lines of linesByKey.values()) {
    if (lines.length < 2) continue;
    for (const line of lines) {
      duplicateLines.add(line);
      rowIssues.push(issueAt(line, "modelCode", "duplicate_in_file", { lines: lines.join(", ") }));
    }
  }
  const candidates = parsed.filter((c): c is SkuCandidate => c !== null && !duplicateLines.has(c.line));
  return { fileIssues: [], rowIssues, candidates, rowCount: table.rows.length, issueAt };
}

function withoutFamilyId(data: z.output<typeof createSkuInput>): SkuCandidateInput {
  const { familyId: _familyId, ...input } = data;
  return input;
}

// Which column holds which field; unknown, unnamed, duplicate and missing columns are file problems.
function mapColumns(table: SheetTable): { indexOf: Map<SkuSheetColumnKey, number>; issues: SkuImportIssue[] } {
  const indexOf = new Map<SkuSheetColumnKey, number>();
  const issues: SkuImportIssue[] = [];
  const line = table.headerLine;
  const firstValueLine = (index: number) => table.rows.find((row) => (row.cells[index] ?? "").trim() !== "")?.line;
  table.header.forEach((raw, index) => {
    const header = raw.trim();
    const cell = `${columnLetter(index + 1)}${line}`;
    if (!header) {
      const valueLine = firstValueLine(index);
      if (valueLine !== undefined) issues.push({ line, code: "unnamed_column", cell, params: { valueLine } });
      return;
    }
    const key = matchHeader(header);
    if (!key) {
      // An unknown column with nothing in it loses no data; one with values would be dropped silently.
      if (firstValueLine(index) !== undefined) issues.push({ line, code: "unknown_column", header, cell });
      return;
    }
    if (indexOf.has(key)) {
      issues.push({ line, code: "duplicate_column", column: key, header, cell, params: { other: table.header[indexOf.get(key)!]!.trim() } });
      return;
    }
    indexOf.set(key, index);
  });
  for (const key of REQUIRED_COLUMNS) {
    if (!indexOf.has(key)) {
      const column = SKU_SHEET_COLUMNS.find((c) => c.key === key)!;
      issues.push({ line, code: "missing_column", column: key, params: { vi: column.vi, en: column.en, key } });
    }
  }
  return { indexOf, issues };
}
