import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";

// Tiny but real files, built here so the tests need no binary fixtures in the repository.

export const pdf = (body = "") => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** A 1×1 RGBA PNG (signature, IHDR, IDAT, IEND). */
export const png = () =>
  Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082",
    "hex",
  );

export const jpeg = () => Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300" + "01".repeat(64) + "ffd9", "hex");

export const webp = () => Buffer.concat([Buffer.from("RIFF"), Buffer.from([26, 0, 0, 0]), Buffer.from("WEBPVP8L"), Buffer.from([13, 0, 0, 0, 0x2f]), Buffer.alloc(13)]);

/** A zip archive; `deflate` compresses entries the way office suites do. */
export function zip(entries: Array<[name: string, content: string | Buffer]>, deflate = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const stored = deflate ? deflateRawSync(data) : data;
    const method = deflate ? 8 : 0;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml") ? "xl/workbook.xml" : "word/document.xml"}" ContentType="${main}"/></Types>`;

/** The parts file-type looks at in an xlsx, in the order Excel writes them, deflated. */
export const xlsx = () =>
  zip(
    [
      ["[Content_Types].xml", contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")],
      ["_rels/.rels", "<Relationships/>"],
      ["xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>'],
    ],
    true,
  );

export const docx = () =>
  zip(
    [
      ["[Content_Types].xml", contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")],
      ["_rels/.rels", "<Relationships/>"],
      ["word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
    ],
    true,
  );

/** A POSIX (ustar) archive holding one small file. */
export function tar(): Buffer {
  const content = Buffer.from("hello\n");
  const header = Buffer.alloc(512);
  header.write("hello.txt", 0);
  header.write("0000644\0", 100);
  header.write("0000000\0", 108);
  header.write("0000000\0", 116);
  header.write(`${content.length.toString(8).padStart(11, "0")}\0`, 124);
  header.write("00000000000\0", 136);
  header.write("        ", 148);
  header.write("0", 156);
  header.write("ustar\0", 257);
  header.write("00", 263);
  let checksum = 0;
  for (const byte of header) checksum += byte;
  header.write(`${checksum.toString(8).padStart(6, "0")}\0 `, 148);
  const data = Buffer.alloc(512);
  content.copy(data);
  return Buffer.concat([header, data, Buffer.alloc(1024)]);
}

export const gzip = () => gzipSync(Buffer.from("firmware build log\n"));

/** 64-bit little-endian ELF header, as found at the start of any Linux executable. */
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), Buffer.from([2, 0, 0x3e, 0, 1, 0, 0, 0]), Buffer.alloc(40)]);

/** DOS stub of a Windows PE executable ("MZ", e_lfanew pointing at "PE\0\0"). */
export function pe(): Buffer {
  const image = Buffer.alloc(256);
  image.write("MZ", 0);
  image.writeUInt32LE(0x80, 0x3c);
  image.write("PE\0\0", 0x80, "latin1");
  return image;
}

export const html = () => Buffer.from("<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n");

export const svg = () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n');

/** Bytes no sniffer recognises, like a vendor firmware image (a uImage-style header, then noise). */
export const firmware = (size = 4096) => Buffer.concat([Buffer.from("27051956", "hex"), randomBytes(size - 4)]);

/** `size` bytes that sniff as a PDF and differ on every call, so tests never share content by accident. */
export function uniquePdf(size: number): Buffer {
  const header = pdf();
  return Buffer.concat([header, randomBytes(Math.max(0, size - header.length))]);
}

/** Streams `bytes` in `chunkSize` pieces, counting how many bytes were actually pulled by the consumer. */
export function chunked(bytes: Buffer, chunkSize = 64 * 1024): Readable & { pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        const chunk = bytes.subarray(offset, offset + chunkSize);
        pulled += chunk.length;
        yield chunk;
      }
    })(),
  );
  return Object.assign(stream, { pulled: () => pulled });
}
