// The SKU spreadsheet layout shared by import and export (pure: no I/O). Export headers read
// "Mã model (modelCode)": Vietnamese for people, the key in parentheses for a stable round trip.
import { CAPABILITIES, CAPABILITY_KEYS, type Capability } from "@hopquy/compliance";
import { headerIndex, matchField, type ImportField } from "../imports/column-mapping";
import { foldText } from "../imports/sheet-text";
import { DEFAULT_RISK_CLASS_REASONS, MARKET_STATUSES, RISK_CLASSES, type RiskClassSource } from "./sku-input";

export type SkuFieldColumn =
  | "modelCode"
  | "hardwareRevision"
  | "brand"
  | "manufacturer"
  | "importer"
  | "countryOfOrigin"
  | "hsCode"
  | "description"
  | "family"
  | "riskClass"
  | "riskClassOrigin"
  | "riskClassReason"
  | "listRiskClass"
  | "listRiskEntryId"
  | "productCategory"
  | "marketStatus"
  | "onMarketSince"
  | "plannedLaunchOn"
  | "withdrawnOn"
  | "firmwareVersion"
  | "firmwareReleaseDate"
  | "archived";
export type SkuSheetColumnKey = SkuFieldColumn | Capability;

export interface SkuSheetColumn extends ImportField {
  key: SkuSheetColumnKey;
}

// Synonyms are what ERP exports and customers' own sheets call the field (seen in real files).
const FIELD_COLUMNS: readonly SkuSheetColumn[] = [
  { key: "modelCode", vi: "Mã model", en: "Model code", required: true, aliases: ["Model", "Mã sản phẩm", "Model no", "Model number", "Tên model", "Mã hàng", "Item code", "Part number", "SKU", "Mã SKU"] },
  { key: "hardwareRevision", vi: "Phiên bản phần cứng", en: "Hardware revision", aliases: ["Revision", "HW revision", "HW rev", "Hardware version", "HW version", "Phiên bản HW"] },
  { key: "brand", vi: "Nhãn hiệu", en: "Brand", required: true, aliases: ["Thương hiệu", "Hãng", "Trademark", "Brand name"] },
  { key: "manufacturer", vi: "Nhà sản xuất", en: "Manufacturer", required: true, aliases: ["Hãng sản xuất", "Tên nhà sản xuất", "Maker", "Manufacturer name", "NSX"] },
  { key: "importer", vi: "Nhà nhập khẩu", en: "Importer", aliases: ["Đơn vị nhập khẩu", "Importer name"] },
  { key: "countryOfOrigin", vi: "Xuất xứ", en: "Country of origin", required: true, aliases: ["Nước xuất xứ", "Country", "Origin", "Made in", "Nước sản xuất", "Nơi sản xuất"] },
  { key: "hsCode", vi: "Mã HS", en: "HS code", aliases: ["HS", "Mã số HS", "Mã HS code", "Tariff code", "Mã số hàng hóa"] },
  { key: "description", vi: "Mô tả", en: "Description", aliases: ["Tên sản phẩm", "Product name", "Tên hàng", "Mô tả sản phẩm"] },
  { key: "family", vi: "Dòng sản phẩm", en: "Product family", aliases: ["Family", "Nhóm sản phẩm", "Product line", "Series"] },
  { key: "riskClass", vi: "Phân loại rủi ro", en: "Risk class", aliases: ["Mức rủi ro", "Risk level"] },
  { key: "riskClassOrigin", vi: "Nguồn phân loại", en: "Risk class origin" },
  { key: "riskClassReason", vi: "Lý do phân loại", en: "Risk class reason" },
  // What the MPS list says: written by the export, derived again (not read) by the import.
  { key: "listRiskClass", vi: "Phân loại theo danh mục Bộ Công an", en: "Risk class of the MPS list", exportOnly: true },
  { key: "listRiskEntryId", vi: "Mục danh mục", en: "MPS list entry", exportOnly: true },
  { key: "productCategory", vi: "Loại sản phẩm", en: "Product category", aliases: ["Category", "Chủng loại"] },
  { key: "marketStatus", vi: "Tình trạng thị trường", en: "Market status", aliases: ["Trạng thái bán", "Status"] },
  { key: "onMarketSince", vi: "Bán ra từ ngày", en: "On the market since", aliases: ["Ngày bán ra", "Ngày ra thị trường", "Launch date", "Market date"] },
  { key: "plannedLaunchOn", vi: "Ngày dự kiến ra mắt", en: "Planned launch", aliases: ["Ngày dự kiến bán", "Planned launch date"] },
  { key: "withdrawnOn", vi: "Ngày rút khỏi thị trường", en: "Withdrawn on", aliases: ["Ngày ngừng bán", "Withdrawal date", "Discontinued on"] },
  // The firmware the SKU ships with: firmware is the unit of conformity.
  { key: "firmwareVersion", vi: "Phiên bản firmware", en: "Firmware version", aliases: ["Firmware", "FW", "FW version", "Firmware ver", "Phiên bản phần mềm", "Software version"] },
  { key: "firmwareReleaseDate", vi: "Ngày phát hành firmware", en: "Firmware release date", aliases: ["FW release date", "Firmware date", "Ngày phát hành phần mềm", "Firmware released"] },
  { key: "archived", vi: "Đã lưu trữ", en: "Archived" },
];

export const SKU_SHEET_COLUMNS: readonly SkuSheetColumn[] = [
  ...FIELD_COLUMNS,
  ...CAPABILITY_KEYS.map((key) => ({ key, vi: CAPABILITIES[key].label.vi, en: CAPABILITIES[key].label.en })),
];

export const REQUIRED_COLUMNS: readonly SkuSheetColumnKey[] = FIELD_COLUMNS.filter((c) => c.required).map((c) => c.key);
export const CAPABILITY_COLUMNS: ReadonlySet<string> = new Set(CAPABILITY_KEYS);

// Columns an export writes (and a template offers): "archived" only when archived SKUs are included.
export function exportColumns(includeArchived: boolean): readonly SkuSheetColumn[] {
  return SKU_SHEET_COLUMNS.filter((column) => column.key !== "archived" || includeArchived);
}

export const headerLabel = (column: SkuSheetColumn) => `${column.vi} (${column.key})`;

const HEADER_INDEX = headerIndex(SKU_SHEET_COLUMNS);

export const matchHeader = (text: string) => matchField(text, HEADER_INDEX) as SkuSheetColumnKey | undefined;

const YES = new Set(["yes", "y", "true", "1", "co"]);
const NO = new Set(["no", "n", "false", "0", "khong"]);
const UNKNOWN = new Set(["", "unknown", "chua ro", "?"]);

// yes / no / blank (unknown); undefined when the cell is none of them.
export function parseYesNo(cell: string): boolean | null | undefined {
  const folded = foldText(cell);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  if (UNKNOWN.has(folded)) return null;
  return undefined;
}

export const formatYesNo = (value: boolean | null | undefined) => (value === true ? "có" : value === false ? "không" : "");

const RISK_CLASS_LABELS: Record<(typeof RISK_CLASSES)[number], string> = {
  unclassified: "Chưa phân loại",
  low: "Thấp",
  medium: "Trung bình",
  high: "Cao",
};
const RISK_CLASS_INDEX: ReadonlyMap<string, string> = new Map(
  RISK_CLASSES.flatMap((key) => [[foldText(key), key] as const, [foldText(RISK_CLASS_LABELS[key]), key] as const]),
);

// The English key or the Vietnamese label; blank is "not given" (the schema's default applies).
// Anything else is passed on unchanged, so the schema reports it.
export function parseRiskClass(cell: string): string | undefined {
  if (cell.trim() === "") return undefined;
  return RISK_CLASS_INDEX.get(foldText(cell)) ?? cell;
}

const RISK_CLASS_ORIGIN_LABELS = { none: "Chưa phân loại", list: "Theo danh mục", manual: "Đặt thủ công" } as const;
export type RiskClassOriginName = keyof typeof RISK_CLASS_ORIGIN_LABELS;
const RISK_CLASS_ORIGIN_INDEX: ReadonlyMap<string, RiskClassOriginName> = new Map(
  (Object.keys(RISK_CLASS_ORIGIN_LABELS) as RiskClassOriginName[]).flatMap((key) => [[foldText(key), key] as const, [foldText(RISK_CLASS_ORIGIN_LABELS[key]), key] as const]),
);
// Blank = not given (the risk class cell is then the class set by hand); null = not an origin.
export function parseRiskClassOrigin(cell: string): RiskClassOriginName | undefined | null {
  if (cell.trim() === "") return undefined;
  return RISK_CLASS_ORIGIN_INDEX.get(foldText(cell)) ?? null;
}

const MARKET_STATUS_LABELS: Record<(typeof MARKET_STATUSES)[number], string> = { planned: "Dự kiến", on_market: "Đang bán", withdrawn: "Đã rút" };
const MARKET_STATUS_INDEX: ReadonlyMap<string, string> = new Map(
  MARKET_STATUSES.flatMap((key) => [[foldText(key), key] as const, [foldText(key.replace("_", " ")), key] as const, [foldText(MARKET_STATUS_LABELS[key]), key] as const]),
);
// Like parseRiskClass: blank is "not given", anything unknown is passed on for the schema to report.
export function parseMarketStatus(cell: string): string | undefined {
  if (cell.trim() === "") return undefined;
  return MARKET_STATUS_INDEX.get(foldText(cell)) ?? cell;
}

// The default reasons (codes) as the export writes them, and back.
const DEFAULT_REASON_LABELS: Record<RiskClassSource, string> = {
  create: "Đặt khi đăng ký SKU",
  update: "Đặt khi sửa SKU",
  import: "Đặt khi nhập từ tệp",
};
const REASON_SOURCES = Object.keys(DEFAULT_RISK_CLASS_REASONS) as RiskClassSource[];
export function formatRiskClassReason(reason: string | null): string {
  const source = REASON_SOURCES.find((k) => DEFAULT_RISK_CLASS_REASONS[k] === reason);
  return source ? DEFAULT_REASON_LABELS[source] : (reason ?? "");
}
export function parseRiskClassReason(cell: string): string {
  const source = REASON_SOURCES.find((k) => foldText(DEFAULT_REASON_LABELS[k]) === foldText(cell));
  return source ? DEFAULT_RISK_CLASS_REASONS[source] : cell;
}

export { columnLetter, escapeFormula, foldText, normalizeHeader, unescapeFormula } from "../imports/sheet-text";
