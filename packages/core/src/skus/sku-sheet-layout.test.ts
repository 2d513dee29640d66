import { describe, expect, it } from "vitest";
import {
  columnLetter,
  escapeFormula,
  exportColumns,
  headerLabel,
  matchHeader,
  normalizeHeader,
  parseRiskClass,
  parseYesNo,
  SKU_SHEET_COLUMNS,
  unescapeFormula,
} from "./sku-sheet-layout";

describe("SKU sheet headers", () => {
  it("match English keys and labels and Vietnamese labels, whatever the case, accents and spacing", () => {
    for (const header of ["modelCode", "Model code", "MODEL_CODE", "Mã model", "ma model", " MÃ  MODEL "]) expect(matchHeader(header)).toBe("modelCode");
    expect(matchHeader("Nhà nhập khẩu")).toBe("importer");
    expect(matchHeader("Dòng sản phẩm")).toBe("family");
    expect(matchHeader("Xuất xứ")).toBe("countryOfOrigin");
    expect(matchHeader("Đã lưu trữ")).toBe("archived");
    expect(matchHeader("Sử dụng mật khẩu")).toBe("passwordsUsed");
    expect(matchHeader("Thu thập dữ liệu đo xa (telemetry)")).toBe("telemetryCollected");
    expect(matchHeader("Giá bán")).toBeUndefined();
  });

  it("prefer the key in trailing parentheses, so a renamed label still imports", () => {
    expect(matchHeader("Mã HS (hsCode)")).toBe("hsCode");
    expect(matchHeader("Mã số hải quan (hsCode)")).toBe("hsCode");
    expect(matchHeader("Thu thập dữ liệu đo xa (telemetry) (telemetryCollected)")).toBe("telemetryCollected");
  });

  it("give every export header back its own column, and no two columns share a name", () => {
    for (const column of exportColumns(true)) expect(matchHeader(headerLabel(column))).toBe(column.key);
    const owner = new Map<string, string>();
    for (const column of SKU_SHEET_COLUMNS) {
      for (const name of [column.key, column.vi, column.en, ...(column.aliases ?? [])]) {
        const normalized = normalizeHeader(name);
        expect(owner.get(normalized) ?? column.key, `${name} is ambiguous`).toBe(column.key);
        owner.set(normalized, column.key);
      }
    }
    expect(exportColumns(false).map((c) => c.key)).not.toContain("archived");
    expect(headerLabel(SKU_SHEET_COLUMNS[0]!)).toBe("Mã model (modelCode)");
  });
});

describe("SKU sheet values", () => {
  it("read yes / no / unknown in English and Vietnamese, and refuse anything else", () => {
    expect(["yes", "Y", "TRUE", "1", "có", "Có", "CO"].map(parseYesNo)).toEqual(Array(7).fill(true));
    expect(["no", "N", "false", "0", "không", "KHÔNG", "khong"].map(parseYesNo)).toEqual(Array(7).fill(false));
    expect(["", "  ", "unknown", "chưa rõ", "?"].map(parseYesNo)).toEqual(Array(5).fill(null));
    expect(parseYesNo("maybe")).toBeUndefined();
    expect(parseYesNo("có thể")).toBeUndefined();
  });

  it("read risk classes by key or Vietnamese label; blank is not given; anything else passes to the schema", () => {
    expect(parseRiskClass("HIGH")).toBe("high");
    expect(parseRiskClass("Trung bình")).toBe("medium");
    expect(parseRiskClass("chua phan loai")).toBe("unclassified");
    expect(parseRiskClass(" ")).toBeUndefined();
    expect(parseRiskClass("extreme")).toBe("extreme");
  });

  it("name spreadsheet columns by letters", () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("defuse formula-like CSV text on export and restore it on import", () => {
    for (const text of ["=1+1", "+84 123", "-dash", "@user", "plain", "'quoted", "'=already", "''+twice", ""]) expect(unescapeFormula(escapeFormula(text))).toBe(text);
    expect(escapeFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(escapeFormula("Camera")).toBe("Camera");
  });
});
