// An XLSX file is a ZIP archive. Before exceljs inflates it in memory, read the archive's own
// directory: it must look like a workbook, and what it inflates to (measured, not the declared
// sizes a crafted file could lie about) must stay within a budget, so a 5 MB "zip bomb" cannot
// take the server's memory.
import { inflateRawSync } from "node:zlib";

export const MAX_XLSX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type ZipCheck = { ok: true } | { ok: false; reason: "not_zip" | "not_xlsx" | "too_large" };

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// The legacy binary Excel format (.xls): an OLE2 compound file.
export function isOle2(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && signature.every((byte, index) => bytes[index] === byte);
}

export function checkXlsxArchive(bytes: Uint8Array, budget = MAX_XLSX_INFLATED_BYTES): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (!isZip(bytes) || bytes.length < 22) return { ok: false, reason: "not_zip" };

  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: "not_zip" };
  const entries = u16(end + 10);
  let at = u32(end + 16);
  if (entries > MAX_ENTRIES) return { ok: false, reason: "too_large" };

  const names = new Set<string>();
  let inflated = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return { ok: false, reason: "not_zip" };
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const nameLength = u16(at + 28);
    const localOffset = u32(at + 42);
    names.add(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);

    if (localOffset + 30 > bytes.length || u32(localOffset) !== 0x04034b50) return { ok: false, reason: "not_zip" };
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (compressedSize === 0xffffffff || dataStart + compressedSize > bytes.length) return { ok: false, reason: "not_zip" };
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) inflated += data.length;
    else if (method === 8) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, budget - inflated) }).length;
      } catch (error) {
        return { ok: false, reason: error instanceof RangeError ? "too_large" : "not_zip" };
      }
    } else return { ok: false, reason: "not_zip" };
    if (inflated > budget) return { ok: false, reason: "too_large" };
  }
  return names.has("[Content_Types].xml") && names.has("xl/workbook.xml") ? { ok: true } : { ok: false, reason: "not_xlsx" };
}
