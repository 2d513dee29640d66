import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ALLOWED_MEDIA_TYPES, BINARY_MEDIA_TYPE, isAllowedMediaType } from "./allowed-media-types";
import { sniffMediaType } from "./sniff-media-type";
import { docx, elf, firmware, gzip, html, jpeg, pdf, pe, png, svg, tar, webp, xlsx, zip } from "./testing/fixtures";

const sniff = (content: Buffer | string, complete = true) => sniffMediaType(Buffer.from(content), complete);

describe("sniffMediaType", () => {
  describe("binary formats (file-type)", () => {
    it.each([
      ["PDF", pdf(), "application/pdf"],
      ["PNG", png(), "image/png"],
      ["JPEG", jpeg(), "image/jpeg"],
      ["WebP", webp(), "image/webp"],
      ["zip", zip([["photos/label.jpg", jpeg()]]), "application/zip"],
      ["tar", tar(), "application/x-tar"],
      ["gzip", gzip(), "application/gzip"],
      ["xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["ELF executable", elf(), "application/x-elf"],
      ["PE executable", pe(), "application/x-msdownload"],
    ])("%s → %s", async (_name, content, expected) => {
      expect(await sniff(content)).toBe(expected);
    });

    it("recognises an xlsx from the first bytes of a larger workbook", async () => {
      const workbook = Buffer.concat([xlsx(), randomBytes(200_000)]);
      expect(await sniffMediaType(workbook.subarray(0, 64 * 1024), false)).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    });

    it("recognises a zip whose first entry runs past the sample", async () => {
      const archive = zip([["firmware.bin", randomBytes(100_000)]]);
      expect(await sniffMediaType(archive.subarray(0, 4096), false)).toBe("application/zip");
    });

    it("judges content, not the claims around it: a PNG is a PNG whatever it is called", async () => {
      expect(await sniff(png())).toBe("image/png");
    });

    it("reports unknown binary content as application/octet-stream", async () => {
      expect(await sniff(firmware())).toBe(BINARY_MEDIA_TYPE);
      expect(await sniff(randomBytes(1000))).toBe(BINARY_MEDIA_TYPE);
      expect(await sniff(Buffer.from([0, 1, 2, 3, 0, 0, 255]))).toBe(BINARY_MEDIA_TYPE);
    });
  });

  describe("text formats", () => {
    it.each([
      ["CSV", "model,firmware,result\nHQ-C200,1.2.3,pass\nHQ-C300,2.0.0,fail\n", "text/csv"],
      ["CSV with CRLF and no final newline", "a,b,c\r\n1,2,3\r\n4,5,6", "text/csv"],
      ["semicolon CSV (European Excel)", "model;kết quả\nHQ-C200;đạt\nHQ-C300;không đạt\n", "text/csv"],
      ["TSV", "clause\tstatus\n5.1\tpass\n5.2\tfail\n", "text/csv"],
      ["CSV with quoted delimiters and line breaks", 'name,note\n"Lan, N.","line one\nline two"\nMinh,ok\n', "text/csv"],
      ["plain text", "Firmware release notes\n\nFixed the default password issue.\n", "text/plain"],
      ["Vietnamese text", "Báo cáo thử nghiệm an toàn thông tin cho camera giám sát.\n", "text/plain"],
      ["a single line", "hello", "text/plain"],
      ["whitespace only", "  \n\t\n", "text/plain"],
      ["text with a UTF-8 BOM", "\uFEFFmodel,result\nA,pass\nB,fail\n", "text/csv"],
      ["inconsistent commas", "Hello, world.\nThis line, has, more commas.\n", "text/plain"],
      ["JSON object", '{"model": "HQ-C200", "ports": [80, 443]}', "application/json"],
      ["JSON array", "[1, 2, 3]\n", "application/json"],
      ["JSON with a BOM", '\uFEFF{"a": 1}', "application/json"],
      [
        "SPDX SBOM",
        JSON.stringify({ spdxVersion: "SPDX-2.3", SPDXID: "SPDXRef-DOCUMENT", name: "camera-fw", packages: [{ name: "openssl", versionInfo: "3.0.13" }] }),
        "application/json",
      ],
      [
        "CycloneDX SBOM",
        JSON.stringify({ bomFormat: "CycloneDX", specVersion: "1.6", components: [{ type: "library", name: "busybox", version: "1.36.1" }] }, null, 2),
        "application/json",
      ],
      ["bracketed text that is not JSON", "[section]\nkey=value\n", "text/plain"],
      ["YAML with a document marker", "---\nmodel: HQ-C200\n", "application/yaml"],
      ["YAML with a directive", "%YAML 1.2\n---\na: 1\n", "application/yaml"],
      ["YAML mapping", "# test plan\nmodel: HQ-C200\nclauses:\n  - id: 5.1\n    status: pass\n  - id: 5.2\n", "application/yaml"],
      ["key: value prose stays text", "Subject: test report\nDate: 2026-01-05\n", "text/plain"],
    ])("%s", async (_name, content, expected) => {
      expect(await sniff(content)).toBe(expected);
    });

    it("judges a large JSON document by its opening", async () => {
      const sbom = `{\n  "bomFormat": "CycloneDX",\n  "components": [${'{"name": "lib"},'.repeat(10_000)}`;
      expect(await sniffMediaType(Buffer.from(sbom).subarray(0, 64 * 1024), false)).toBe("application/json");
    });

    it("accepts a multi-byte character cut off at the end of a partial sample", async () => {
      const text = Buffer.from("Báo cáo thử nghiệm ".repeat(5000));
      let end = 64 * 1024;
      while (text[end - 1]! < 0xc0) end -= 1;
      // Ends right after the lead byte of a multi-byte character.
      const cut = text.subarray(0, end);
      expect(await sniffMediaType(cut, false)).toBe("text/plain");
    });

    it("does not take text starting with a two-byte signature for that format", async () => {
      expect(await sniff("MZ-7 series camera,firmware\nMZ-7A,1.0\nMZ-7B,1.1\n")).toBe("text/csv");
      expect(await sniff("BMW fleet cameras\n")).toBe("text/plain");
      expect(await sniff("ID3 tags removed from the audio test clips\n")).toBe("text/plain");
    });

    it("treats text with NUL bytes or invalid UTF-8 as binary", async () => {
      expect(await sniff("model,result\n\0A,pass\n")).toBe(BINARY_MEDIA_TYPE);
      expect(await sniff(Buffer.from([0x61, 0x62, 0xff, 0xfe, 0x63]))).toBe(BINARY_MEDIA_TYPE);
      expect(isAllowedMediaType(await sniff(Buffer.from("\uFEFFmodel,result\nA,pass\n", "utf16le")))).toBe(false);
    });
  });

  describe("refused content", () => {
    it.each([
      ["HTML", "text/html", html()],
      ["HTML fragment", "text/html", "  <script>fetch('/api')</script>"],
      ["HTML with a BOM", "text/html", "\uFEFF<html><body>x</body></html>"],
      ["SVG with an XML declaration", "image/svg+xml", svg()],
      ["bare SVG", "image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ["XML", "application/xml", '<?xml version="1.0"?><report/>'],
      ["shell script", "text/x-shellscript", "#!/bin/sh\nrm -rf /\n"],
      ["RTF (can embed OLE objects)", "application/rtf", "{\\rtf1\\ansi {\\object\\objemb}}\n"],
      ["PostScript", "application/postscript", "%!PS-Adobe-3.0\n%%EOF\n"],
      ["ELF executable", "application/x-elf", elf()],
      ["PE executable", "application/x-msdownload", pe()],
    ])("%s is detected as %s and not allowed", async (_name, expected, content) => {
      const mediaType = await sniff(content);
      expect(mediaType).toBe(expected);
      expect(isAllowedMediaType(mediaType)).toBe(false);
      expect(isAllowedMediaType(mediaType, { allowBinary: true })).toBe(false);
    });
  });
});

describe("isAllowedMediaType", () => {
  it("allows every listed type and nothing else", () => {
    for (const mediaType of ALLOWED_MEDIA_TYPES) expect(isAllowedMediaType(mediaType)).toBe(true);
    expect(isAllowedMediaType("image/svg+xml")).toBe(false);
    expect(isAllowedMediaType("text/html")).toBe(false);
  });

  it("allows unknown binary content only when asked to", () => {
    expect(isAllowedMediaType(BINARY_MEDIA_TYPE)).toBe(false);
    expect(isAllowedMediaType(BINARY_MEDIA_TYPE, { allowBinary: true })).toBe(true);
  });
});
