import type { GapReportContent } from "@hopquy/compliance";
import { conflictText, describeClause, labelsOf, pick, type DossierLocale } from "./gap-report-text";

// A cell that starts like a formula is shown as text by spreadsheets once prefixed with ' (OWASP
// CSV injection); evidence titles and SKU fields are user input.
export const escapeFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

// RFC 4180: CRLF between records, a field quoted when it holds a comma, quote, line break or edge space.
function csvField(value: string): string {
  const safe = escapeFormula(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const lines = (items: readonly string[]) => items.join("\n");

/**
 * The gap report as one table, a row per SKU and clause (a SKU without gaps gets one row saying so,
 * manual decisions to review get theirs), UTF-8 with a BOM so Excel keeps Vietnamese text intact.
 */
export function renderGapReportCsv(content: GapReportContent, locale: DossierLocale): string {
  const l = labelsOf(locale);
  const c = l.csv;
  const header = [c.modelCode, c.hardwareRevision, c.firmware, c.group, c.groupTitle, c.clause, c.clauseTitle, c.status, c.origin, c.why, c.conflict, c.retest, c.provisions, c.testCases, c.ixitForms, c.notes];
  const rows: string[][] = [header];
  for (const sku of content.skus) {
    const skuCells = [sku.modelCode, sku.hardwareRevision, sku.firmwareVersion ?? ""];
    if (sku.groups.length === 0) rows.push([...skuCells, "", "", "", "", "", "", l.noGaps, "", "", "", "", "", ""]);
    for (const group of sku.groups) {
      for (const clause of group.clauses) {
        const text = describeClause(clause, locale);
        rows.push([
          ...skuCells,
          group.code,
          pick(group.title, locale),
          clause.code,
          pick(clause.title, locale),
          text.status,
          text.origin,
          lines(text.why),
          text.conflict ?? "",
          lines(text.retest),
          lines(text.provisions),
          lines(text.testCases),
          lines(text.ixitForms),
          lines(text.notes),
        ]);
      }
    }
    for (const conflict of sku.otherConflicts) {
      rows.push([...skuCells, "", "", conflict.code, pick(conflict.title, locale), l.statuses[conflict.manualStatus], l.origins.manual, "", conflictText(conflict, locale), "", "", "", "", l.otherConflicts]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",") + "\r\n").join("")}`;
}
