import { PassThrough, Readable } from "node:stream";
import { serializeCsv } from "@hopquy/catalog";
import { applicabilityProfileSchema, CAPABILITY_KEYS } from "@hopquy/compliance";
import { tenantDb, type TenantDb } from "@hopquy/db";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { currentFirmwareBySku } from "../assessments/current-firmware";
import { MAX_IMPORT_ROWS } from "../imports/import-report";
import { isoDate } from "../assessments/today";
import { CAPABILITY_COLUMNS, escapeFormula, exportColumns, formatRiskClassReason, formatYesNo, headerLabel, REQUIRED_COLUMNS, type SkuSheetColumn } from "./sku-sheet-layout";

export const SKU_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const exportSkusInput = z.object({
  format: z.enum(SKU_EXPORT_FORMATS),
  includeArchived: z.boolean().default(false),
  /** Only the header row (and, in XLSX, a sheet explaining the columns): a file to fill in. */
  template: z.boolean().default(false),
});

export interface SkuExportFile {
  fileName: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;
const BATCH = 500;

type Row = string[];

// The registry as a file that imports back into an empty organization as the same SKUs. Rows are
// read in keyset batches while the body streams, so a large registry never sits in memory whole.
export async function exportSkus(ctx: TenantContext, rawInput: z.input<typeof exportSkusInput>): Promise<SkuExportFile> {
  assertCan(ctx, "sku:read");
  const { format, includeArchived, template } = exportSkusInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const columns = exportColumns(includeArchived && !template);
  const familyNames = template ? new Map<string, string>() : new Map((await db.productFamily.findMany({ select: { id: true, name: true } })).map((f) => [f.id, f.name]));
  const rows = template ? emptyRows() : skuRows(db, columns, familyNames, includeArchived);
  const date = new Date().toISOString().slice(0, 10);
  return {
    fileName: template ? `hopquy-sku-template.${format}` : `hopquy-skus-${ctx.organizationSlug}-${date}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: format === "csv" ? csvBody(columns, rows) : xlsxBody(columns, rows, template),
  };
}

async function* emptyRows(): AsyncGenerator<Row[]> {}

async function* skuRows(db: TenantDb, columns: readonly SkuSheetColumn[], familyNames: Map<string, string>, includeArchived: boolean): AsyncGenerator<Row[]> {
  let cursor: string | undefined;
  for (;;) {
    const skus = await db.sku.findMany({
      where: includeArchived ? {} : { archivedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (skus.length === 0) return;
    // The firmware each SKU is assessed at, so the file imports back with the same current version.
    const firmware = currentFirmwareBySku(
      await db.firmwareVersion.findMany({ where: { skuId: { in: skus.map((s) => s.id) } }, select: { id: true, skuId: true, version: true, releaseDate: true, createdAt: true } }),
    );
    yield skus.map((sku) => {
      const current = firmware.get(sku.id) as { version: string; releaseDate: Date | null } | undefined;
      const profile = applicabilityProfileSchema.parse(sku.capabilities ?? {});
      const values: Record<string, string> = {
        modelCode: sku.modelCode,
        hardwareRevision: sku.hardwareRevision,
        brand: sku.brand,
        manufacturer: sku.manufacturer,
        importer: sku.importer ?? "",
        countryOfOrigin: sku.countryOfOrigin,
        hsCode: sku.hsCode ?? "",
        description: sku.description ?? "",
        family: sku.familyId ? (familyNames.get(sku.familyId) ?? "") : "",
        // The effective class and where it comes from; the import takes it as set by hand only when
        // the origin says so (a class from the list is derived again from the list in force).
        riskClass: sku.riskClass,
        riskClassOrigin: sku.riskClassOrigin,
        riskClassReason: sku.riskClassOrigin === "manual" ? formatRiskClassReason(sku.riskClassReason) : "",
        listRiskClass: sku.listRiskClass ?? "",
        listRiskEntryId: sku.listRiskEntryId ?? "",
        productCategory: sku.productCategory ?? "",
        marketStatus: sku.marketStatus,
        onMarketSince: isoDate(sku.onMarketSince) ?? "",
        plannedLaunchOn: isoDate(sku.plannedLaunchOn) ?? "",
        withdrawnOn: isoDate(sku.withdrawnOn) ?? "",
        firmwareVersion: current?.version ?? "",
        firmwareReleaseDate: isoDate(current?.releaseDate ?? null) ?? "",
        archived: formatYesNo(sku.archivedAt !== null),
        ...Object.fromEntries(CAPABILITY_KEYS.map((key) => [key, formatYesNo(profile[key])])),
      };
      return columns.map((column) => values[column.key] ?? "");
    });
    if (skus.length < BATCH) return;
    cursor = skus[skus.length - 1]!.id;
  }
}

// Pull-based: the next batch is read only when the client has taken the previous one.
function csvBody(columns: readonly SkuSheetColumn[], rows: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // The BOM makes Excel read the file as UTF-8 (Vietnamese text stays intact).
        controller.enqueue(encoder.encode(`\uFEFF${serializeCsv([columns.map(headerLabel)])}`));
        return;
      }
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(serializeCsv(next.value.map((row) => row.map(escapeFormula)))));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

function xlsxBody(columns: readonly SkuSheetColumn[], rows: AsyncGenerator<Row[]>, template: boolean): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  void (async () => {
    const sheet = workbook.addWorksheet("SKU", { views: [{ state: "frozen", ySplit: 1 }] });
    // Text format everywhere: 8525.89.90 or revision "02" typed later stays what was typed.
    sheet.columns = columns.map((column) => ({ key: column.key, width: CAPABILITY_COLUMNS.has(column.key) ? 18 : 24, style: { numFmt: "@" } }));
    const header = sheet.addRow(columns.map(headerLabel));
    header.font = { bold: true };
    header.commit();
    // Cells are written as strings, never formulas, so nothing in a cell runs when the file opens.
    for await (const batch of rows) for (const row of batch) sheet.addRow(row).commit();
    sheet.commit();
    if (template) addGuideSheet(workbook, columns);
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

function addGuideSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, columns: readonly SkuSheetColumn[]) {
  const guide = workbook.addWorksheet("Hướng dẫn - Guide");
  guide.columns = [{ width: 48 }, { width: 16 }, { width: 70 }];
  const title = guide.addRow(["Cột / Column", "Bắt buộc / Required", "Giá trị / Values"]);
  title.font = { bold: true };
  title.commit();
  const values: Partial<Record<string, string>> = {
    modelCode: "Chữ, số và . _ / + -  (letters, digits and . _ / + -)",
    hardwareRevision: "Để trống nếu chỉ có một phiên bản (blank when there is one revision)",
    countryOfOrigin: "Mã ISO 2 chữ cái, ví dụ VN, CN (ISO 3166 alpha-2)",
    hsCode: "Ví dụ 8525.89.90",
    family: "Tên dòng sản phẩm; tạo mới nếu chưa có (created when missing)",
    riskClass: "Phân loại đặt thủ công; để trống hoặc unclassified để theo danh mục Bộ Công an. Class set by hand: unclassified | low | medium | high (Chưa phân loại | Thấp | Trung bình | Cao); blank = the MPS risk list decides",
    riskClassOrigin: "none | list | manual. Khi là list hoặc none, cột phân loại không được coi là đặt thủ công (with list or none the risk class is not taken as set by hand)",
    riskClassReason: "Tối đa 500 ký tự (at most 500 characters)",
    listRiskClass: "Chỉ để xem, không được nhập (exported for information, not imported)",
    listRiskEntryId: "Chỉ để xem, không được nhập (exported for information, not imported)",
    productCategory: "Như danh mục gọi, ví dụ baby-monitor (as the list names it)",
    marketStatus: "planned | on_market | withdrawn (Dự kiến | Đang bán | Đã rút); để trống = on_market",
    onMarketSince: "YYYY-MM-DD, không ở tương lai (not in the future)",
    plannedLaunchOn: "YYYY-MM-DD (planned)",
    withdrawnOn: "YYYY-MM-DD, bắt buộc khi withdrawn (required when withdrawn)",
    firmwareVersion: "Phiên bản firmware hiện hành, ví dụ V5.7.3 build 240115; được thêm vào SKU và là phiên bản hiện hành khi mới hơn (added to the SKU, current when newer)",
    firmwareReleaseDate: "YYYY-MM-DD hoặc DD/MM/YYYY; cần có phiên bản firmware (needs a firmware version)",
  };
  for (const column of columns) {
    const answer = CAPABILITY_COLUMNS.has(column.key) ? "có / không / để trống = chưa rõ  (yes / no / blank = unknown)" : (values[column.key] ?? "");
    guide.addRow([headerLabel(column), REQUIRED_COLUMNS.includes(column.key) ? "x" : "", `${column.en}. ${answer}`.trim()]).commit();
  }
  guide.addRow([]).commit();
  guide.addRow([`Tối đa ${MAX_IMPORT_ROWS} dòng, 5 MB. Dòng 1 là tiêu đề. (At most ${MAX_IMPORT_ROWS} rows, 5 MB; line 1 is the header.)`]).commit();
  guide.commit();
}
