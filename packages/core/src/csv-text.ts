import { serializeCsv } from "@hopquy/catalog";
import { escapeFormula } from "./skus/sku-sheet-layout";

// A whole CSV download as spreadsheets open it: UTF-8 BOM (Excel reads Vietnamese correctly) and
// cells that would run as formulas escaped, as the SKU export does.
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${serializeCsv(rows.map((row) => row.map(escapeFormula)))}`;
}
