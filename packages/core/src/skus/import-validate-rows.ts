// Header + rows -> SKU inputs, through the same schema as createSku (one validation path). Pure:
// duplicates against the organization's existing SKUs are the service's job.
import type { ApplicabilityProfile, Capability } from "@hopquy/compliance";
import type { z } from "zod";
import { applyColumnMapping, fieldIssueBuilder, type ColumnMapping } from "../imports/column-mapping";
import type { ImportIssue } from "../imports/import-report";
import type { ImportTable } from "../imports/read-import-table";
import { parseSheetDate } from "../imports/sheet-text";
import { marketIssues, normalizeMarket, type MarketFacts } from "./sku-class-and-market";
import { createSkuInput, productFamilyInput } from "./sku-input";
import {
  CAPABILITY_COLUMNS,
  columnLetter,
  parseMarketStatus,
  parseRiskClass,
  parseRiskClassOrigin,
  parseRiskClassReason,
  parseYesNo,
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
  /** The firmware of the row, when the file has one: added to the SKU, current when newest. */
  firmware?: { version: string; releaseDate: string | undefined };
  /** The fields the file's columns fill: an update of an existing SKU changes only these. */
  mapped: ReadonlySet<SkuSheetColumnKey>;
  /** Normalised cells of the mapped columns, to tell identical repeated rows from conflicting ones. */
  fingerprint: string;
}

export interface RowValidation {
  /** Problems with the file's columns: when present, no row was read. */
  fileIssues: ImportIssue[];
  rowIssues: ImportIssue[];
  /** Every row that had no problem, in file order (the first occurrence of a repeated SKU only). */
  candidates: SkuCandidate[];
  rowCount: number;
  /** Columns with data the mapping leaves out (ignored, reported as warnings). */
  ignored: { header: string; cell: string }[];
  /** An issue about one cell, with the header and cell reference the user sees. */
  issueAt: (line: number, key: SkuSheetColumnKey, code: string, params?: ImportIssue["params"]) => ImportIssue;
}

export const duplicateKey = (modelCode: string, hardwareRevision: string) => `${modelCode.trim()}\u0000${hardwareRevision.trim()}`;

export interface SkuRowOptions {
  canArchive: boolean;
  /** A later row identical to the first occurrence is merged into it (a warning) rather than rejected. */
  mergeIdenticalDuplicates?: boolean;
}

// Firmware as vendors name it ("V5.7.3 build 240115", "2.800.0000000.5.R"): starts with a letter
// or digit, holds at least one digit, no control characters. "N/A", "-", "latest" are not versions.
const FIRMWARE_VERSION = /^(?=[^\d]*\d)[\p{L}\p{N}][\p{L}\p{N} ._+\-()\/,:]*$/u;

export function validateSkuRows(table: ImportTable, mapping: ColumnMapping, options: SkuRowOptions): RowValidation {
  const { indexOf: fieldIndex, issues: columnIssues, ignored } = applyColumnMapping(table, SKU_SHEET_COLUMNS, mapping);
  const indexOf = fieldIndex as Map<SkuSheetColumnKey, number>;
  const at = (key: SkuSheetColumnKey) => indexOf.get(key);
  const mapped: ReadonlySet<SkuSheetColumnKey> = new Set(indexOf.keys());
  const issueAt: RowValidation["issueAt"] = fieldIssueBuilder<SkuSheetColumnKey>(table, indexOf);
  const ignoredColumns = ignored.map(({ header, cell }) => ({ header, cell }));
  if (columnIssues.length > 0) return { fileIssues: columnIssues, rowIssues: [], candidates: [], rowCount: table.rows.length, issueAt, ignored: ignoredColumns };

  const rowIssues: ImportIssue[] = [];
  const parsed: (SkuCandidate | null)[] = [];
  const firstByKey = new Map<string, { line: number; fingerprint: string }>();
  for (const row of table.rows) {
    const issues: ImportIssue[] = [];
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
      onMarketSince: dateCell(cell("onMarketSince")),
      plannedLaunchOn: dateCell(cell("plannedLaunchOn")),
      withdrawnOn: dateCell(cell("withdrawnOn")),
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

    const firmwareVersion = cell("firmwareVersion").trim();
    const releaseCell = cell("firmwareReleaseDate");
    const releaseDate = parseSheetDate(releaseCell);
    if (firmwareVersion && (firmwareVersion.length > 64 || !FIRMWARE_VERSION.test(firmwareVersion))) issues.push(issueAt(row.line, "firmwareVersion", "invalid_firmware_version"));
    if (releaseDate === null) issues.push(issueAt(row.line, "firmwareReleaseDate", "invalid_date"));
    else if (releaseDate && !firmwareVersion) issues.push(issueAt(row.line, "firmwareReleaseDate", "release_date_without_firmware"));

    // The first occurrence of a model + revision is the one imported; a later one is reported
    // against it (or merged when identical and the user chose so), never the other way round.
    const modelCode = cell("modelCode");
    const fingerprint = [...indexOf.values()].map((index) => (row.cells[index] ?? "").trim()).join("\u0000");
    if (modelCode.trim()) {
      const key = duplicateKey(modelCode, cell("hardwareRevision"));
      const first = firstByKey.get(key);
      if (first) {
        rowIssues.push(
          options.mergeIdenticalDuplicates && first.fingerprint === fingerprint
            ? { ...issueAt(row.line, "modelCode", "duplicate_merged", { firstLine: first.line }), severity: "warning" }
            : issueAt(row.line, "modelCode", "duplicate_in_file", { firstLine: first.line }),
        );
        continue;
      }
      firstByKey.set(key, { line: row.line, fingerprint });
    }
    rowIssues.push(...issues);
    parsed.push(
      issues.length === 0 && result.success && market
        ? {
            line: row.line,
            input: withoutFamilyId(result.data),
            market,
            archived: archived === true,
            mapped,
            fingerprint,
            ...(familyName ? { familyName } : {}),
            ...(firmwareVersion ? { firmware: { version: firmwareVersion, releaseDate: releaseDate || undefined } } : {}),
          }
        : null,
    );
  }

  const candidates = parsed.filter((c): c is SkuCandidate => c !== null);
  return { fileIssues: [], rowIssues, candidates, rowCount: table.rows.length, issueAt, ignored: ignoredColumns };
}

// Dates as customers write them become ISO days; anything else goes on unchanged for the schema
// to report as invalid_date.
function dateCell(text: string): string {
  const iso = parseSheetDate(text);
  return iso === null ? text.trim() : iso;
}

function withoutFamilyId(data: z.output<typeof createSkuInput>): SkuCandidateInput {
  const { familyId: _familyId, ...input } = data;
  return input;
}
