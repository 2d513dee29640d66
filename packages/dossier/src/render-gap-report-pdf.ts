import type { GapReportClause, GapReportContent, GapReportSku } from "@hopquy/compliance";
import PDFDocument from "pdfkit";
import { dossierFonts } from "./fonts";
import { conflictText, describeClause, fill, formatDate, labelsOf, pick, skuHeading, summaryText, type ClauseText, type DossierLocale } from "./gap-report-text";

const TARGET_DESIGNATION = "QCVN 11:2026/BCA";
const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const COLORS = { text: "#0f172a", muted: "#475569", gap: "#b91c1c", partial: "#b45309", flag: "#6b21a8", band: "#e2e8f0", noteFill: "#fef3c7", noteStroke: "#d97706" };
const INDENT = 12;

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

// Noto Sans's ccmp feature splits letters with a dot below (ọ, ị, ụ…) into base + mark, and the PDF's
// text layer then maps the base glyph to the wrong letter (copy, search and pdftotext read "khọản").
// The font has precomposed glyphs for every Vietnamese letter, so ccmp stays off; NFC input finds them.
const FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];
const put = (doc: Doc, text: string, options: TextOptions = {}) => doc.text(text.normalize("NFC"), { ...options, features: FEATURES });
const putAt = (doc: Doc, text: string, x: number, y: number, options: TextOptions = {}) => doc.text(text.normalize("NFC"), x, y, { ...options, features: FEATURES });
const measure = (doc: Doc, text: string, options: TextOptions) => doc.heightOfString(text.normalize("NFC"), { ...options, features: FEATURES });

/**
 * The gap report as an A4 PDF with Noto Sans (Vietnamese glyphs). Deterministic: the document dates
 * come from content.generatedOn and pdfkit derives the file ID from them, so the same content gives
 * the same bytes.
 */
export function renderGapReportPdf(content: GapReportContent, locale: DossierLocale): Promise<Buffer> {
  const l = labelsOf(locale);
  const fonts = dossierFonts();
  const date = new Date(`${content.generatedOn}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`renderGapReportPdf: generatedOn must be an ISO date, got ${JSON.stringify(content.generatedOn)}`);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: { Title: `${l.title} — ${content.organization.name}`, Author: "HopQuy", Subject: l.title, Creator: "HopQuy", Producer: "HopQuy", CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.font("body").fillColor(COLORS.text);

  writeHeader(doc, content, locale);
  content.skus.forEach((sku, index) => {
    if (index > 0) doc.addPage();
    writeSku(doc, sku, locale);
  });
  writeFooters(doc, content, locale);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

// Keeps a heading with the first lines under it: a new page when less than `height` is left.
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function writeHeader(doc: Doc, content: GapReportContent, locale: DossierLocale) {
  const l = labelsOf(locale);
  const x = doc.page.margins.left;
  put(doc.font("bold").fontSize(17), l.title);
  doc.moveDown(0.4);
  const scope = content.scope === "sku" && content.skus[0] ? fill(l.scopeSku, { model: content.skus[0].modelCode }) : fill(l.scopeOrganization, { count: content.totals.skus });
  const facts: [string, string][] = [
    [l.organization, content.organization.name],
    [l.scope, scope],
    [l.generatedOn, formatDate(content.generatedOn, locale)],
    [l.catalog, `${TARGET_DESIGNATION} ${content.catalog.version} (${fill(l.revision, { revision: content.catalog.revision })})`],
  ];
  for (const [label, value] of facts) {
    put(put(doc.font("bold").fontSize(10), `${label}: `, { continued: true }).font("body"), value);
  }
  doc.moveDown(0.6);
  if (content.catalog.provisional) {
    const width = contentWidth(doc);
    doc.font("body").fontSize(9);
    const height = measure(doc, l.provisionalNote, { width: width - 16 }) + 12;
    const top = doc.y;
    doc.save().rect(x, top, width, height).fillAndStroke(COLORS.noteFill, COLORS.noteStroke).restore();
    putAt(doc.fillColor(COLORS.text), l.provisionalNote, x + 8, top + 6, { width: width - 16 });
    doc.x = x;
    doc.y = top + height;
    doc.moveDown(0.6);
  }
  put(doc.font("bold").fontSize(10), summaryText(content, locale));
  doc.moveDown(0.3);
  put(doc.font("body").fontSize(9).fillColor(COLORS.muted), l.intro).fillColor(COLORS.text);
  doc.moveDown(1);
}

function writeSku(doc: Doc, sku: GapReportSku, locale: DossierLocale) {
  const l = labelsOf(locale);
  ensureSpace(doc, 80);
  const heading = skuHeading(sku, locale);
  doc.outline.addItem(heading);
  put(doc.font("bold").fontSize(13).fillColor(COLORS.text), heading);
  put(doc.font("body").fontSize(9).fillColor(COLORS.muted), fill(l.skuCounts, { ...sku.counts })).fillColor(COLORS.text);
  doc.moveDown(0.6);
  if (sku.groups.length === 0) {
    put(doc.font("body").fontSize(10), l.noGaps);
    doc.moveDown(0.6);
  }
  for (const group of sku.groups) {
    // The group heading stays with its first clause.
    const first = group.clauses[0];
    const pageHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
    ensureSpace(doc, 30 + (first ? Math.min(clauseHeight(doc, first, describeClause(first, locale), locale), pageHeight * 0.5) : 0));
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    const title = `${group.code} · ${pick(group.title, locale)}`;
    doc.font("bold").fontSize(11);
    const height = measure(doc, title, { width: width - 12 }) + 8;
    const top = doc.y;
    doc.save().rect(x, top, width, height).fill(COLORS.band).restore();
    putAt(doc.fillColor(COLORS.text), title, x + 6, top + 4, { width: width - 12 });
    doc.x = x;
    doc.y = top + height;
    doc.moveDown(0.4);
    for (const clause of group.clauses) writeClause(doc, clause, locale);
  }
  if (sku.otherConflicts.length > 0) {
    ensureSpace(doc, 50);
    put(doc.font("bold").fontSize(11).fillColor(COLORS.flag), l.otherConflicts).fillColor(COLORS.text);
    doc.moveDown(0.2);
    for (const conflict of sku.otherConflicts) {
      put(put(doc.font("bold").fontSize(9), `${conflict.code} `, { continued: true }).font("body"), pick(conflict.title, locale));
      put(doc.fillColor(COLORS.flag), conflictText(conflict, locale), { indent: INDENT }).fillColor(COLORS.text);
    }
  }
}

function writeList(doc: Doc, items: readonly string[], color: string = COLORS.text) {
  const x = doc.page.margins.left + INDENT;
  const width = contentWidth(doc) - INDENT;
  doc.font("body").fontSize(9).fillColor(color);
  for (const item of items) putAt(doc, `• ${item}`, x, doc.y, { width });
  doc.fillColor(COLORS.text);
  doc.x = doc.page.margins.left;
}

function closerLines(text: ClauseText, locale: DossierLocale): string[] {
  const l = labelsOf(locale);
  return [
    ...(text.provisions.length ? [`${l.provisions}: ${text.provisions.join("; ")}`] : []),
    ...(text.testCases.length ? [`${l.testCases}: ${text.testCases.join("; ")}`] : []),
    ...(text.ixitForms.length ? [`${l.ixitForms}: ${text.ixitForms.join("; ")}`] : []),
  ];
}

// Height of a clause block, so a block that fits on one page is never split across two.
function clauseHeight(doc: Doc, clause: GapReportClause, text: ClauseText, locale: DossierLocale): number {
  const width = contentWidth(doc);
  const listWidth = width - INDENT;
  const items = [...text.why, ...(text.conflict ? [text.conflict] : []), ...text.retest, ...closerLines(text, locale), ...text.notes];
  doc.font("bold").fontSize(10);
  let height = measure(doc, `${clause.code}  ${pick(clause.title, locale)}`, { width });
  doc.font("body").fontSize(9);
  height += 3 * doc.currentLineHeight(true);
  for (const item of items) height += measure(doc, `• ${item}`, { width: listWidth });
  return height + 2 * doc.currentLineHeight(true);
}

function writeClause(doc: Doc, clause: GapReportClause, locale: DossierLocale) {
  const l = labelsOf(locale);
  const text = describeClause(clause, locale);
  const pageHeight = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  ensureSpace(doc, Math.min(clauseHeight(doc, clause, text, locale), pageHeight * 0.5));
  doc.x = doc.page.margins.left;
  put(put(doc.font("bold").fontSize(10).fillColor(COLORS.text), `${clause.code}  `, { continued: true }).font("body"), pick(clause.title, locale));
  put(doc.font("bold").fontSize(9).fillColor(clause.status === "gap" ? COLORS.gap : COLORS.partial), `${l.status}: ${text.status}`, { continued: true });
  put(doc.font("body").fillColor(COLORS.muted), ` (${text.origin})`).fillColor(COLORS.text);
  put(doc.font("bold").fontSize(9), `${l.why}:`);
  writeList(doc, text.why);
  const flags = [...(text.conflict ? [text.conflict] : []), ...text.retest];
  if (flags.length > 0) writeList(doc, flags, COLORS.flag);
  put(doc.font("bold").fontSize(9), `${l.toClose}:`);
  writeList(doc, closerLines(text, locale));
  if (text.notes.length > 0) writeList(doc, text.notes, COLORS.muted);
  doc.moveDown(0.5);
  const y = doc.y;
  doc.save().moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLORS.band).stroke().restore();
  doc.moveDown(0.5);
}

// Page numbers need the page count: written last, on the buffered pages, inside the bottom margin
// (which pdfkit would otherwise treat as "page full").
function writeFooters(doc: Doc, content: GapReportContent, locale: DossierLocale) {
  const l = labelsOf(locale);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 36;
    const x = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.font("body").fontSize(8).fillColor(COLORS.muted);
    const name = content.organization.name.length > 60 ? `${content.organization.name.slice(0, 59)}…` : content.organization.name;
    putAt(doc, `HopQuy · ${name} · ${formatDate(content.generatedOn, locale)}`, x, y, { width: width * 0.75, lineBreak: false });
    putAt(doc, fill(l.page, { page: i - range.start + 1, pages: range.count }), x, y, { width, align: "right", lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor(COLORS.text);
}
