import { describe, expect, it } from "vitest";
import { csvBytes, xlsxBytes, zipBytes } from "../testing/sku-sheet-fixtures";
import { readImportTable } from "./read-import-table";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-report";
import { checkXlsxArchive } from "./zip-guard";

const codes = (read: Awaited<ReturnType<typeof readImportTable>>) => read.issues.map((i) => [i.line, i.code]);

describe("reading a CSV file", () => {
  it("reads RFC 4180 quoting, CRLF and a BOM, giving each row the line it starts on", async () => {
    const text = '\uFEFFmodelCode,brand,description\r\nA-1,"Hop, Cam","say ""hi"""\r\nA-2,HopCam,"two\r\nlines"\r\n\r\nA-3,HopCam,\r\n';
    const read = await readImportTable("skus.csv", csvBytes(text));
    expect(read.issues).toEqual([]);
    expect(read.format).toBe("csv");
    expect(read.table?.header).toEqual(["modelCode", "brand", "description"]);
    expect(read.table?.rows).toEqual([
      { line: 2, cells: ["A-1", "Hop, Cam", 'say "hi"'] },
      { line: 3, cells: ["A-2", "HopCam", "two\r\nlines"] },
      { line: 6, cells: ["A-3", "HopCam", ""] },
    ]);
  });

  it("restores formula-escaped text and normalises Vietnamese to NFC", async () => {
    const decomposed = "Công ty".normalize("NFD");
    const read = await readImportTable("skus.csv", csvBytes(`brand,manufacturer\n'=SUM(A1),${decomposed}\n`));
    expect(read.table?.rows[0]?.cells).toEqual(["=SUM(A1)", "Công ty"]);
  });

  it("reports an unclosed quote at the line it opened, and nothing else is read", async () => {
    const read = await readImportTable("skus.csv", csvBytes('modelCode,brand\nA-1,HopCam\nA-2,"HopCam\nA-3,HopCam\n'));
    expect(read.table).toBeUndefined();
    expect(codes(read)).toEqual([[3, "csv_unclosed_quote"]]);
  });

  it("reports stray quotes with their lines", async () => {
    const read = await readImportTable("skus.csv", csvBytes('modelCode,brand\nA-1,Hop"Cam\n"A-2"x,HopCam\n'));
    expect(codes(read)).toEqual([
      [2, "csv_stray_quote"],
      [3, "csv_text_after_quote"],
    ]);
  });

  it("detects semicolons (Excel in a Vietnamese locale), tabs and Excel's sep= hint", async () => {
    const semicolons = await readImportTable("skus.csv", csvBytes('Mã model;Mô tả\nA-1;"trong nhà, 2MP"\n'));
    expect(semicolons).toMatchObject({ delimiter: ";", issues: [] });
    expect(semicolons.table?.rows).toEqual([{ line: 2, cells: ["A-1", "trong nhà, 2MP"] }]);
    const tabs = await readImportTable("skus.txt", csvBytes("modelCode\tbrand\nA-1\tHop, Cam\n"));
    expect(tabs.table?.rows[0]?.cells).toEqual(["A-1", "Hop, Cam"]);
    const hinted = await readImportTable("skus.csv", csvBytes("sep=;\nmodel,code;brand\nA,1;B\n"));
    expect(hinted.table).toMatchObject({ headerLine: 2, header: ["model,code", "brand"], rows: [{ line: 3, cells: ["A,1", "B"] }] });
    // Delimiters inside a quoted header do not count.
    expect((await readImportTable("skus.csv", csvBytes('"a;b;c",d\n1,2\n'))).delimiter).toBe(",");
  });

  it("reads UTF-16 from Excel's Unicode text (with or without BOM) and UTF-8 with a BOM", async () => {
    const text = "Mã model\tNhà sản xuất\nA-1\tCông ty Hải Đăng\n";
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      Buffer.from(text, "utf16le"),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]),
    ]) {
      const read = await readImportTable("skus.txt", bytes);
      expect(read.issues).toEqual([]);
      expect(read.table?.header).toEqual(["Mã model", "Nhà sản xuất"]);
      expect(read.table?.rows).toEqual([{ line: 2, cells: ["A-1", "Công ty Hải Đăng"] }]);
    }
    expect((await readImportTable("skus.csv", Buffer.from("\uFEFFa,b\n1,2\n"))).encoding).toBe("utf-8-bom");
  });

  it("refuses legacy code pages (Windows-1258) instead of guessing the diacritics", async () => {
    const windows1258 = Buffer.from([0x4d, 0xe3, 0x20, 0x6d, 0x6f, 0x64, 0x65, 0x6c, 0x0a]);
    expect(codes(await readImportTable("skus.csv", windows1258))).toEqual([[1, "not_utf8"]]);
  });

  it("refuses an empty file, a file over the size cap and more rows than the limit", async () => {
    expect(codes(await readImportTable("skus.csv", Buffer.alloc(0)))).toEqual([[1, "empty_file"]]);
    expect(codes(await readImportTable("skus.csv", csvBytes("\r\n\r\n")))).toEqual([[1, "empty_file"]]);
    const big = await readImportTable("skus.csv", Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61));
    expect(big.issues).toEqual([{ line: 1, code: "file_too_large", params: { maxMb: 5 } }]);
    const rows = ["modelCode,brand", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `M-${i},B`)].join("\n");
    expect((await readImportTable("skus.csv", csvBytes(rows))).issues).toEqual([{ line: 1, code: "too_many_rows", params: { max: MAX_IMPORT_ROWS, count: MAX_IMPORT_ROWS + 1 } }]);
    const atLimit = ["modelCode,brand", ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `M-${i},B`)].join("\n");
    expect((await readImportTable("skus.csv", csvBytes(atLimit))).table?.rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it("refuses other file types by name and binary content by bytes", async () => {
    expect(codes(await readImportTable("skus.pdf", csvBytes("%PDF-1.4")))).toEqual([[1, "unsupported_file_type"]]);
    expect(codes(await readImportTable("skus.csv", Buffer.from([0x41, 0x00, 0x42])))).toEqual([[1, "not_utf8"]]);
  });
});

describe("reading an XLSX file", () => {
  it("reads the first worksheet with cells as the user sees them, keeping the sheet's row numbers", async () => {
    const bytes = await xlsxBytes(
      [
        [],
        ["Mã model", "Mã HS", "Sử dụng mật khẩu", "Mô tả", "Nhãn hiệu"],
        ["A-1", 8525.89, true, { richText: [{ text: "Camera " }, { text: "ngoài trời", font: { bold: true } }] }, { formula: "UPPER(\"hop\")", result: "HOP" }],
        [],
        ["A-2", "8525.89.90", false, { text: "link", hyperlink: "https://example.test" }, "Hop".normalize("NFD")],
      ],
      { leadingEmptySheet: true },
    );
    const read = await readImportTable("skus.xlsx", bytes);
    expect(read.issues).toEqual([]);
    expect(read.format).toBe("xlsx");
    expect(read.table?.headerLine).toBe(2);
    expect(read.table?.rows).toEqual([
      { line: 3, cells: ["A-1", "8525.89", "yes", "Camera ngoài trời", "HOP"] },
      { line: 5, cells: ["A-2", "8525.89.90", "no", "link", "Hop"] },
    ]);
  });

  it("sniffs the content: a CSV renamed .xlsx, an old .xls, a ZIP that is no workbook, a truncated workbook", async () => {
    expect(codes(await readImportTable("skus.xlsx", csvBytes("modelCode,brand\nA,B\n")))).toEqual([[1, "not_xlsx"]]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(codes(await readImportTable("skus.xls", xls))).toEqual([[1, "xls_not_supported"]]);
    const notWorkbook = zipBytes([{ name: "word/document.xml", data: Buffer.from("<w/>") }]);
    expect(codes(await readImportTable("skus.xlsx", notWorkbook))).toEqual([[1, "not_xlsx"]]);
    const workbook = await xlsxBytes([["modelCode"], ["A-1"]]);
    expect(codes(await readImportTable("skus.xlsx", workbook.subarray(0, workbook.length / 2)))).toEqual([[1, "invalid_xlsx"]]);
    // A ZIP named .csv is still read as the workbook it is.
    expect((await readImportTable("skus.csv", workbook)).table?.rows).toEqual([{ line: 2, cells: ["A-1"] }]);
  });

  it("refuses a workbook whose parts say they are one but do not parse", async () => {
    const broken = zipBytes([
      { name: "[Content_Types].xml", data: Buffer.from("<not-xml") },
      { name: "xl/workbook.xml", data: Buffer.from("<not-xml") },
    ]);
    expect(codes(await readImportTable("skus.xlsx", broken))).toEqual([[1, "invalid_xlsx"]]);
  });

  it("reports an empty workbook", async () => {
    expect(codes(await readImportTable("skus.xlsx", await xlsxBytes([])))).toEqual([[1, "empty_file"]]);
  });
});

describe("the XLSX archive check", () => {
  const parts = (extra: Buffer) => [
    { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: extra },
  ];

  it("measures what the archive inflates to, not what it declares", async () => {
    expect(checkXlsxArchive(zipBytes(parts(Buffer.alloc(1000))), 1_000_000)).toEqual({ ok: true });
    // 4 MB of zeros deflate to a few KB: the kind of file that would take the server's memory.
    const bomb = zipBytes(parts(Buffer.alloc(4 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(10_000);
    expect(checkXlsxArchive(bomb, 1024 * 1024)).toEqual({ ok: false, reason: "too_large" });
    // Declared sizes that lie change nothing.
    const lying = Buffer.from(bomb);
    lying.writeUInt32LE(10, lying.length - 22 - 46 - "xl/worksheets/sheet1.xml".length + 24);
    expect(checkXlsxArchive(lying, 1024 * 1024)).toEqual({ ok: false, reason: "too_large" });
  });

  it("accepts what exceljs writes", async () => {
    expect(checkXlsxArchive(await xlsxBytes([["modelCode"], ["A-1"]]))).toEqual({ ok: true });
  });
});
