import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { openUpload } from "./open-upload";
import { SNIFF_BYTES } from "./sniff-media-type";
import { StorageError } from "./storage-error";
import { chunked, elf, firmware, png, uniquePdf } from "./testing/fixtures";

async function drain(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** An endless source that counts how far it was read and whether it was told to stop. */
function endlessPdf() {
  const state = { pulled: 0, returned: false };
  const source: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      let first = true;
      return {
        async next() {
          const chunk = first ? uniquePdf(16 * 1024) : randomBytes(16 * 1024);
          first = false;
          state.pulled += chunk.length;
          return { done: false, value: chunk };
        },
        async return() {
          state.returned = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { source, state };
}

async function storageError(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe("openUpload", () => {
  it("passes every byte through and hashes and counts them", async () => {
    const content = uniquePdf(1_000_000);
    const upload = await openUpload({ stream: chunked(content, 10_000), fileName: "../report.pdf", maxBytes: 2_000_000 });
    expect(upload.mediaType).toBe("application/pdf");
    expect(upload.fileName).toBe("report.pdf");
    expect(() => upload.result()).toThrow(/not consumed/);
    expect((await drain(upload.chunks)).equals(content)).toBe(true);
    expect(upload.result()).toEqual({ sha256: sha256(content), size: content.length });
    expect(upload.result()).toEqual(upload.result());
  });

  it("reads no more than the sniffing sample before deciding", async () => {
    const content = uniquePdf(5_000_000);
    const stream = chunked(content, 4096);
    const upload = await openUpload({ stream, fileName: "big.pdf", maxBytes: 10_000_000 });
    expect(stream.pulled()).toBeLessThanOrEqual(SNIFF_BYTES + 4096 * 20);
    await drain(upload.chunks);
    expect(stream.pulled()).toBe(content.length);
  });

  it("accepts Uint8Array iterables and content exactly at the limit", async () => {
    const content = uniquePdf(1000);
    async function* source() {
      yield new Uint8Array(content.subarray(0, 500));
      yield new Uint8Array(content.subarray(500));
    }
    const upload = await openUpload({ stream: source(), fileName: "x.pdf", maxBytes: 1000 });
    expect((await drain(upload.chunks)).equals(content)).toBe(true);
    expect(upload.result().size).toBe(1000);
  });

  it("refuses an empty stream", async () => {
    const error = await storageError(openUpload({ stream: Readable.from([]), fileName: "empty.pdf", maxBytes: 10 }));
    expect(error.code).toBe("EMPTY_FILE");
  });

  it("stops at the limit while sniffing", async () => {
    const { source, state } = endlessPdf();
    const error = await storageError(openUpload({ stream: source, fileName: "x.pdf", maxBytes: 20_000 }));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.details).toEqual({ maxBytes: 20_000 });
    expect(state.pulled).toBe(32 * 1024);
    expect(state.returned).toBe(true);
  });

  it("stops at the limit mid-stream, one chunk past it, and releases the source", async () => {
    const { source, state } = endlessPdf();
    const upload = await openUpload({ stream: source, fileName: "x.pdf", maxBytes: 1_000_000 });
    const error = await storageError(drain(upload.chunks));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(state.pulled).toBeLessThanOrEqual(1_000_000 + 16 * 1024);
    expect(state.returned).toBe(true);
    expect(() => upload.result()).toThrow();
  });

  it("destroys a Readable source that is refused", async () => {
    const stream = chunked(Buffer.concat([elf(), randomBytes(1_000_000)]));
    const error = await storageError(openUpload({ stream, fileName: "setup.pdf", maxBytes: 10_000_000, declaredMediaType: "application/pdf" }));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.details).toEqual({ mediaType: "application/x-elf", declaredMediaType: "application/pdf" });
    expect(error.message).toContain("application/x-elf");
    expect(stream.destroyed).toBe(true);
  });

  it("ignores the declared type and the extension", async () => {
    const upload = await openUpload({ stream: Readable.from([png()]), fileName: "report.pdf", maxBytes: 1000, declaredMediaType: "application/pdf" });
    expect(upload.mediaType).toBe("image/png");
    expect(upload.fileName).toBe("report.pdf");
  });

  it("accepts unrecognised binary content only with allowBinary", async () => {
    const image = firmware(100_000);
    const refused = await storageError(openUpload({ stream: chunked(image), fileName: "fw.bin", maxBytes: 1_000_000 }));
    expect(refused.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(refused.details.mediaType).toBe("application/octet-stream");
    const upload = await openUpload({ stream: chunked(image), fileName: "fw.bin", maxBytes: 1_000_000, allowBinary: true });
    expect(upload.mediaType).toBe("application/octet-stream");
    expect((await drain(upload.chunks)).equals(image)).toBe(true);
  });

  it("releases the source when the consumer gives up", async () => {
    const { source, state } = endlessPdf();
    const upload = await openUpload({ stream: source, fileName: "x.pdf", maxBytes: 10_000_000 });
    await upload.close();
    expect(state.returned).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects maxBytes %s as a programming error", async (maxBytes) => {
    await expect(openUpload({ stream: Readable.from([png()]), fileName: "x.png", maxBytes })).rejects.toThrow(TypeError);
  });
});
