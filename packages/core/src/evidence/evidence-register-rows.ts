// An evidence register, as importers have kept it since the QCVN 135 days: one row per SKU x clause
// x document. Pure: header mapping, row validation and grouping. Rows with the same (title, issuer,
// report number) are ONE evidence item linked to all their SKUs and clauses; which SKUs, catalogs
// and clauses exist is the service's question.
import { applyColumnMapping, fieldIssueBuilder, type ColumnMapping, type ImportField } from "../imports/column-mapping";
import type { ImportIssue } from "../imports/import-report";
import type { ImportTable } from "../imports/read-import-table";
import { foldText, parseSheetDate } from "../imports/sheet-text";
import { EVIDENCE_KINDS, type EvidenceKindName } from "./evidence-input";

export const EVIDENCE_REGISTER_FIELDS = [
  { key: "modelCode", vi: "Mã model", en: "SKU model", required: true, aliases: ["Model", "Model code", "Mã hàng", "Mã sản phẩm", "SKU", "Mã SKU", "Sản phẩm"] },
  { key: "hardwareRevision", vi: "Phiên bản phần cứng", en: "Hardware revision", aliases: ["HW revision", "HW version", "Revision"] },
  { key: "framework", vi: "Quy chuẩn / tiêu chuẩn", en: "Framework", required: true, aliases: ["Quy chuẩn", "Tiêu chuẩn", "Standard", "Regulation", "Văn bản", "Căn cứ"] },
  { key: "clauseCode", vi: "Điều khoản", en: "Clause", required: true, aliases: ["Mã điều khoản", "Clause code", "Provision", "Điều", "Yêu cầu", "Requirement", "Test case", "Mục"] },
  { key: "title", vi: "Tên bằng chứng", en: "Evidence title", required: true, aliases: ["Title", "Tên tài liệu", "Tài liệu", "Document", "Evidence", "Bằng chứng"] },
  { key: "kind", vi: "Loại bằng chứng", en: "Kind", required: true, aliases: ["Loại", "Loại tài liệu", "Type", "Evidence type", "Document type"] },
  { key: "issuer", vi: "Đơn vị cấp", en: "Issuer", aliases: ["Issued by", "Tổ chức cấp", "Cơ quan cấp", "Phòng thử nghiệm", "Lab", "Laboratory"] },
  { key: "reportNumber", vi: "Số báo cáo", en: "Report number", aliases: ["Số hiệu", "Số chứng nhận", "Certificate number", "Report no", "Số"] },
  { key: "effectiveDate", vi: "Ngày cấp", en: "Issued", aliases: ["Ngày ban hành", "Issue date", "Issued on", "Date", "Ngày"] },
  { key: "expiryDate", vi: "Ngày hết hạn", en: "Expires", aliases: ["Hết hạn", "Hiệu lực đến", "Expiry date", "Valid until"] },
  { key: "notes", vi: "Ghi chú", en: "Notes", aliases: ["Note", "Remarks", "Comment", "Nhận xét"] },
  { key: "fileName", vi: "Tên tệp", en: "File name", aliases: ["Tệp", "Tệp đính kèm", "File", "Attachment"] },
] as const satisfies readonly ImportField[];
export type EvidenceRegisterField = (typeof EVIDENCE_REGISTER_FIELDS)[number]["key"];

// What customers write for each framework. The versions themselves come from the published catalogs.
const FRAMEWORK_NAMES: { regulation: string; names: string[] }[] = [
  { regulation: "QCVN_135_2024_BTTTT", names: ["QCVN 135:2024/BTTTT", "QCVN 135/2024/BTTTT", "QCVN 135:2024", "QCVN 135"] },
  { regulation: "QCVN_11_2026_BCA", names: ["QCVN 11:2026/BCA", "QCVN 11/2026/BCA", "QCVN 11:2026", "QCVN 11"] },
  { regulation: "ETSI_EN_303_645", names: ["ETSI EN 303 645", "EN 303 645", "EN303645"] },
  { regulation: "ETSI_TS_103_701", names: ["ETSI TS 103 701", "TS 103 701", "TS103701"] },
];
const squash = (text: string) => foldText(text).replace(/[^a-z0-9]/g, "");

export interface FrameworkRef {
  regulation: string;
  /** "V2.1.1" as written (normalised to V + digits), or undefined when the cell names none. */
  version?: string;
}

// "ETSI EN 303 645 V2.1.1", "EN 303 645 v3.1.3", "QCVN 135:2024/BTTTT", "TS 103 701" -> regulation
// (+ version); null when it names no framework we hold.
export function parseFramework(cell: string): FrameworkRef | null {
  const text = cell.trim();
  if (!text) return null;
  const versionMatch = /\bv\.?\s*(\d+(?:\.\d+)+)\s*$/i.exec(text);
  const rest = versionMatch ? text.slice(0, versionMatch.index) : text;
  const squashed = squash(rest);
  for (const framework of FRAMEWORK_NAMES) {
    if (framework.names.some((name) => squash(name) === squashed)) {
      return versionMatch ? { regulation: framework.regulation, version: `V${versionMatch[1]}` } : { regulation: framework.regulation };
    }
  }
  return null;
}

// "Điều 5.1-1", "Provision 5.1-1", " 5.1-1 " -> "5.1-1"; clause codes are compared as written.
export function normalizeClauseCode(cell: string): string {
  return cell.trim().replace(/^(điều|dieu|clause|provision|mục|muc|test case)\s+/i, "").trim();
}

const KIND_WORDS: Record<EvidenceKindName, string[]> = {
  lab_test_report: ["Lab test report", "Test report", "Báo cáo thử nghiệm", "Báo cáo kết quả thử nghiệm", "Kết quả thử nghiệm", "Phiếu kết quả thử nghiệm"],
  certificate: ["Certificate", "Giấy chứng nhận", "Chứng nhận", "Chứng nhận hợp quy", "Certificate of conformity"],
  ics: ["ICS", "Implementation conformance statement", "Bản công bố ICS"],
  ixit: ["IXIT", "IXIT form", "Biểu mẫu IXIT"],
  technical_documentation: ["Technical documentation", "Tài liệu kỹ thuật", "Hồ sơ kỹ thuật", "Datasheet"],
  policy: ["Policy", "Chính sách", "Vulnerability disclosure policy", "Chính sách công bố lỗ hổng"],
  user_manual: ["User manual", "Hướng dẫn sử dụng", "Manual", "Sách hướng dẫn"],
  label_photo: ["Label photo", "Ảnh nhãn", "Ảnh chụp nhãn", "Nhãn"],
  firmware_package: ["Firmware package", "Firmware", "Gói firmware", "Bản cập nhật firmware"],
  sbom: ["SBOM", "Software bill of materials", "Danh mục phần mềm"],
  statement: ["Statement", "Tuyên bố", "Bản cam kết", "Cam kết"],
  link: ["Link", "Liên kết", "URL"],
};
const KIND_INDEX: ReadonlyMap<string, EvidenceKindName> = new Map(
  EVIDENCE_KINDS.flatMap((kind) => [kind, kind.replace(/_/g, " "), ...KIND_WORDS[kind]].map((word) => [squash(word), kind] as const)),
);

// The English key, or a Vietnamese or English name of the kind; undefined when it is none of them.
export function parseEvidenceKind(cell: string): EvidenceKindName | undefined {
  return KIND_INDEX.get(squash(cell));
}

export interface RegisterLink {
  line: number;
  modelCode: string;
  hardwareRevision: string;
  framework: FrameworkRef;
  clauseCode: string;
  note?: string;
}

export interface RegisterEvidence {
  /** The first line the item appears on. */
  line: number;
  key: string;
  kind: EvidenceKindName;
  title: string;
  issuer?: string;
  reportNumber?: string;
  effectiveDate?: string;
  expiryDate?: string;
  fileName?: string;
  links: RegisterLink[];
}

export interface RegisterValidation {
  fileIssues: ImportIssue[];
  rowIssues: ImportIssue[];
  items: RegisterEvidence[];
  rowCount: number;
  ignored: { header: string; cell: string }[];
  issueAt: (line: number, key: EvidenceRegisterField, code: string, params?: ImportIssue["params"]) => ImportIssue;
}

const LIMITS: Partial<Record<EvidenceRegisterField, number>> = { title: 200, issuer: 200, reportNumber: 100, notes: 1000, fileName: 255, modelCode: 64, hardwareRevision: 32, clauseCode: 40 };

// The same document across rows: title, issuer and report number, ignoring case, accents and spacing.
export const registerKey = (title: string, issuer = "", reportNumber = "") => [title, issuer, reportNumber].map((part) => foldText(part)).join("\u0000");

export function validateEvidenceRegisterRows(table: ImportTable, mapping: ColumnMapping): RegisterValidation {
  const { indexOf, issues: fileIssues, ignored } = applyColumnMapping(table, EVIDENCE_REGISTER_FIELDS, mapping);
  const issueAt: RegisterValidation["issueAt"] = fieldIssueBuilder<EvidenceRegisterField>(table, indexOf);
  const ignoredColumns = ignored.map(({ header, cell }) => ({ header, cell }));
  if (fileIssues.length) return { fileIssues, rowIssues: [], items: [], rowCount: table.rows.length, ignored: ignoredColumns, issueAt };

  const rowIssues: ImportIssue[] = [];
  const items = new Map<string, RegisterEvidence>();
  for (const row of table.rows) {
    const cell = (key: EvidenceRegisterField) => {
      const index = indexOf.get(key);
      return index === undefined ? "" : (row.cells[index] ?? "").trim();
    };
    const issues: ImportIssue[] = [];
    if (table.strictFieldCount && row.cells.length < table.header.length) issues.push({ line: row.line, code: "field_count", params: { expected: table.header.length, found: row.cells.length } });
    for (const field of EVIDENCE_REGISTER_FIELDS) {
      const value = cell(field.key);
      if ("required" in field && field.required && !value) issues.push(issueAt(row.line, field.key, "required"));
      const max = LIMITS[field.key];
      if (max && value.length > max) issues.push(issueAt(row.line, field.key, "too_long"));
    }
    const kindCell = cell("kind");
    const kind = kindCell ? parseEvidenceKind(kindCell) : undefined;
    if (kindCell && !kind) issues.push(issueAt(row.line, "kind", "invalid_evidence_kind"));
    else if (kind === "statement" || kind === "link") issues.push(issueAt(row.line, "kind", "kind_not_importable"));
    const frameworkCell = cell("framework");
    const framework = frameworkCell ? parseFramework(frameworkCell) : null;
    if (frameworkCell && !framework) issues.push(issueAt(row.line, "framework", "unknown_framework"));
    const effectiveDate = parseSheetDate(cell("effectiveDate"));
    const expiryDate = parseSheetDate(cell("expiryDate"));
    if (effectiveDate === null) issues.push(issueAt(row.line, "effectiveDate", "invalid_date"));
    if (expiryDate === null) issues.push(issueAt(row.line, "expiryDate", "invalid_date"));
    if (effectiveDate && expiryDate && expiryDate < effectiveDate) issues.push(issueAt(row.line, "expiryDate", "expiry_before_effective"));
    const fileName = cell("fileName");
    if (fileName && (/[\u0000-\u001f]/.test(fileName) || fileName.split(/[\\/]/).some((part) => part === ".."))) issues.push(issueAt(row.line, "fileName", "invalid_file_name"));
    if (issues.length || !kind || !framework) {
      rowIssues.push(...issues);
      continue;
    }

    const title = cell("title");
    const issuer = cell("issuer") || undefined;
    const reportNumber = cell("reportNumber") || undefined;
    const key = registerKey(title, issuer, reportNumber);
    const link: RegisterLink = {
      line: row.line,
      modelCode: cell("modelCode"),
      hardwareRevision: cell("hardwareRevision"),
      framework,
      clauseCode: normalizeClauseCode(cell("clauseCode")),
      ...(cell("notes") ? { note: cell("notes") } : {}),
    };
    const existing = items.get(key);
    if (!existing) {
      items.set(key, {
        line: row.line,
        key,
        kind,
        title,
        ...(issuer ? { issuer } : {}),
        ...(reportNumber ? { reportNumber } : {}),
        ...(effectiveDate ? { effectiveDate } : {}),
        ...(expiryDate ? { expiryDate } : {}),
        ...(fileName ? { fileName } : {}),
        links: [link],
      });
      continue;
    }
    // Later rows of the same document must tell the same story; a blank cell just says nothing.
    const conflicts: [EvidenceRegisterField, string | undefined, string | undefined][] = [
      ["kind", existing.kind, kind],
      ["effectiveDate", existing.effectiveDate, effectiveDate || undefined],
      ["expiryDate", existing.expiryDate, expiryDate || undefined],
      ["fileName", existing.fileName, fileName || undefined],
    ];
    const conflict = conflicts.find(([, first, here]) => here !== undefined && first !== undefined && first !== here);
    if (conflict) {
      rowIssues.push(issueAt(row.line, conflict[0], "conflicts_with_line", { firstLine: existing.line }));
      continue;
    }
    if (!existing.effectiveDate && effectiveDate) existing.effectiveDate = effectiveDate;
    if (!existing.expiryDate && expiryDate) existing.expiryDate = expiryDate;
    if (!existing.fileName && fileName) existing.fileName = fileName;
    if (existing.links.some((l) => sameTarget(l, link))) {
      rowIssues.push({ ...issueAt(row.line, "clauseCode", "duplicate_link", { firstLine: existing.links.find((l) => sameTarget(l, link))!.line }), severity: "warning" });
      continue;
    }
    existing.links.push(link);
  }
  return { fileIssues: [], rowIssues, items: [...items.values()], rowCount: table.rows.length, ignored: ignoredColumns, issueAt };
}

const sameTarget = (a: RegisterLink, b: RegisterLink) =>
  foldText(a.modelCode) === foldText(b.modelCode) &&
  foldText(a.hardwareRevision) === foldText(b.hardwareRevision) &&
  a.framework.regulation === b.framework.regulation &&
  a.framework.version === b.framework.version &&
  a.clauseCode.toLowerCase() === b.clauseCode.toLowerCase();
