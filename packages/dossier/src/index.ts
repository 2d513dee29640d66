// Document renderers: content in, file bytes out. No database and no clock; the only I/O is reading
// this package's own font files (src/fonts.ts).
export { renderGapReportCsv, escapeFormula } from "./render-gap-report-csv";
export { renderGapReportPdf } from "./render-gap-report-pdf";
export { gapReportFileName, type DossierLocale } from "./gap-report-text";
