import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_BYTES, sanitizeFileName } from "./sanitize-file-name";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("sanitizeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["Test Report (final) v2.PDF", "Test Report (final) v2.PDF"],
    ["label-photo_01.jpeg", "label-photo_01.jpeg"],
    ["archive.tar.gz", "archive.tar.gz"],
    [".pdf", ".pdf"],
  ])("keeps the ordinary name %j", (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  describe("directories and traversal", () => {
    it.each([
      ["../../etc/passwd", "passwd"],
      ["../secret.pdf", "secret.pdf"],
      ["a/b/../../c.pdf", "c.pdf"],
      ["/etc/shadow", "shadow"],
      ["/var/data/", "file"],
      ["..\\..\\windows\\system32\\evil.dll", "evil.dll"],
      ["C:\\Users\\lan\\Documents\\report.pdf", "report.pdf"],
      ["\\\\fileserver\\share\\cert.pdf", "cert.pdf"],
      ["C:report.pdf", "C_report.pdf"],
      ["dir\\..\\..\\x.csv", "x.csv"],
      ["..", "file"],
      ["../..", "file"],
      [".", "file"],
      ["...", "file"],
      ["./.././", "file"],
      ["..\u0000/..\u0000/etc/passwd", "passwd"],
      [".\u0000./x.pdf", "x.pdf"],
    ])("%j → %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });
  });

  describe("control and invisible characters", () => {
    it.each([
      ["report\u0000.pdf", "report.pdf"],
      ["evil.pdf\u0000.exe", "evil.pdf.exe"],
      ["line\nbreak.pdf", "line break.pdf"],
      ["tab\there.pdf", "tab here.pdf"],
      ["crlf\r\nheader: injected.pdf", "crlf header_ injected.pdf"],
      ["bell\u0007\u001b[31m.pdf", "bell[31m.pdf"],
      ["del\u007f.pdf", "del.pdf"],
      ["c1\u0085\u009b.pdf", "c1 .pdf"],
      ["invoice\u202Efdp.exe", "invoicefdp.exe"],
      ["zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf"],
      ["lone\uD800surrogate.pdf", "lonesurrogate.pdf"],
      ["\u2028\u2029para.pdf", "para.pdf"],
    ])("%j → %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });
  });

  describe("characters unsafe in Content-Disposition or on Windows", () => {
    it.each([
      ['say "hi".pdf', "say _hi_.pdf"],
      ["a<b>c.pdf", "a_b_c.pdf"],
      ["what?.pdf", "what_.pdf"],
      ["star*.pdf", "star_.pdf"],
      ["pipe|.pdf", "pipe_.pdf"],
      ["time 10:30.pdf", "time 10_30.pdf"],
      ["stream.txt:hidden", "stream.txt_hidden"],
    ])("%j → %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });

    it("never leaves quotes, backslashes or line breaks", () => {
      const result = sanitizeFileName('a"b\\c\r\nd;e.pdf');
      expect(result).not.toMatch(/["\\\r\n]/);
    });

    it.each([
      ["CON", "_CON"],
      ["con.pdf", "_con.pdf"],
      ["NUL.txt", "_NUL.txt"],
      ["com1.csv", "_com1.csv"],
      ["LPT9", "_LPT9"],
      ["console.pdf", "console.pdf"],
      ["aux-report.pdf", "aux-report.pdf"],
    ])("guards the Windows device name %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });
  });

  describe("spaces and dots", () => {
    it.each([
      ["   report.pdf   ", "report.pdf"],
      ["report.pdf...", "report.pdf"],
      ["report. . .", "report"],
      ["many     spaces.pdf", "many spaces.pdf"],
      ["nbsp\u00A0and\u3000ideographic.pdf", "nbsp and ideographic.pdf"],
      [".hidden", ".hidden"],
    ])("%j → %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });
  });

  describe("Unicode", () => {
    const vietnamese = "Báo cáo thử nghiệm.pdf";

    it("keeps Vietnamese names", () => {
      expect(sanitizeFileName(vietnamese)).toBe(vietnamese);
      expect(sanitizeFileName("Giấy chứng nhận hợp quy – QCVN 135:2024.pdf")).toBe("Giấy chứng nhận hợp quy – QCVN 135_2024.pdf");
    });

    it("normalises NFD (as macOS sends it) to NFC", () => {
      const decomposed = vietnamese.normalize("NFD");
      expect(decomposed).not.toBe(vietnamese);
      const result = sanitizeFileName(decomposed);
      expect(result).toBe(vietnamese);
      expect(result.normalize("NFC")).toBe(result);
    });

    it("gives the same name for NFC and NFD input", () => {
      const name = "Ảnh nhãn sản phẩm – camera IP.jpg";
      expect(sanitizeFileName(name.normalize("NFD"))).toBe(sanitizeFileName(name.normalize("NFC")));
    });

    it("keeps other scripts and emoji", () => {
      expect(sanitizeFileName("試験報告書.pdf")).toBe("試験報告書.pdf");
      expect(sanitizeFileName("отчёт 📷.pdf")).toBe("отчёт 📷.pdf");
    });
  });

  describe("length", () => {
    it("keeps names at the limit", () => {
      const name = `${"a".repeat(MAX_FILE_NAME_BYTES - 4)}.pdf`;
      expect(sanitizeFileName(name)).toBe(name);
    });

    it("shortens long names and keeps the extension", () => {
      const result = sanitizeFileName(`${"a".repeat(1000)}.pdf`);
      expect(bytes(result)).toBe(MAX_FILE_NAME_BYTES);
      expect(result.endsWith("a.pdf")).toBe(true);
    });

    it("counts UTF-8 bytes and never cuts a Vietnamese letter apart", () => {
      const result = sanitizeFileName(`${"Báo cáo thử nghiệm ".repeat(40)}.xlsx`);
      expect(bytes(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
      expect(result.endsWith(".xlsx")).toBe(true);
      expect(result).toBe(result.normalize("NFC"));
      expect(result).not.toMatch(/\uFFFD/);
      expect(result.startsWith("Báo cáo thử nghiệm Báo")).toBe(true);
    });

    it("never splits a decomposed letter or an emoji", () => {
      const result = sanitizeFileName(`${"e\u0301\u0323".repeat(200)}.pdf`, 20);
      expect(bytes(result)).toBeLessThanOrEqual(20);
      expect(sanitizeFileName(`${"👨‍👩‍👧".repeat(30)}.png`, 40)).toMatch(/^(👨‍👩‍👧)+\.png$/u);
    });

    it("treats an implausible extension as part of the name", () => {
      const result = sanitizeFileName(`report.${"x".repeat(300)}`);
      expect(bytes(result)).toBe(MAX_FILE_NAME_BYTES);
      expect(result.startsWith("report.xxx")).toBe(true);
    });

    it("does not end a shortened name with a dot or a space", () => {
      const result = sanitizeFileName(`${"ab ".repeat(100)}.pdf`, 32);
      expect(result).toMatch(/[^ .]\.pdf$/);
    });
  });

  describe("empty results", () => {
    it.each(["", "   ", "\u0000\u0001", "/", "\\", "../", "\u202E", "..\\..\\"])("%j becomes \"file\"", (input) => {
      expect(sanitizeFileName(input)).toBe("file");
    });
  });

  it("is idempotent", () => {
    const inputs = ["../a\u0000b/c:d.pdf", "Báo cáo.pdf".normalize("NFD"), `${"x".repeat(400)}.csv`, "con.txt", " . "];
    for (const input of inputs) {
      const once = sanitizeFileName(input);
      expect(sanitizeFileName(once)).toBe(once);
    }
  });
});
