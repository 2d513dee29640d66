import { createHash, randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BlobStore } from "../blob-store";
import { contentKey } from "../content-key";
import { StorageError } from "../storage-error";
import { chunked, elf, firmware, png, uniquePdf } from "./fixtures";

/** A store under test plus a back door into its backend, for what the interface cannot show. */
export interface ContractSubject {
  store: BlobStore;
  /** Uploads still in the temporary area (files under root/tmp, objects under the temp prefix). */
  tempEntries(): Promise<string[]>;
  /** Every content-addressed key in the backend. */
  storedKeys(): Promise<string[]>;
  /** Replaces the stored bytes under `key` behind the store's back. */
  overwrite(key: string, bytes: Buffer): Promise<void>;
}

export interface ContractHooks {
  setup(): Promise<ContractSubject>;
  teardown?(): Promise<void>;
}

const MIB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function storageError(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** The behaviour every BlobStore implementation must show; each driver's integration test runs it. */
export function describeBlobStoreContract(name: string, hooks: ContractHooks): void {
  describe(`${name} (BlobStore contract)`, () => {
    let subject: ContractSubject;
    let store: BlobStore;

    beforeAll(async () => {
      subject = await hooks.setup();
      store = subject.store;
    });
    afterAll(async () => {
      await hooks.teardown?.();
    });

    async function expectNothingStored(before: string[]) {
      expect(await subject.storedKeys()).toEqual(before);
      expect(await subject.tempEntries()).toEqual([]);
    }

    it("round-trips a multi-megabyte stream byte for byte", async () => {
      const content = uniquePdf(12 * MIB + 12_345);
      const stored = await store.put({ stream: chunked(content), fileName: "C:\\lab\\Báo cáo thử nghiệm.pdf", maxBytes: 20 * MIB });
      expect(stored).toEqual({
        sha256: sha256(content),
        size: content.length,
        mediaType: "application/pdf",
        fileName: "Báo cáo thử nghiệm.pdf",
        key: contentKey(sha256(content)),
      });
      expect(await store.exists(stored.key)).toBe(true);
      const read = await readAll(await store.get(stored.key));
      expect(read.length).toBe(content.length);
      expect(read.equals(content)).toBe(true);
      expect(await store.verify(stored.key, stored.sha256)).toBe(true);
      expect(await subject.tempEntries()).toEqual([]);
    });

    it("stores identical content once under the same key", async () => {
      const content = uniquePdf(300_000);
      const before = await subject.storedKeys();
      const first = await store.put({ stream: chunked(content), fileName: "a.pdf", maxBytes: MIB });
      const second = await store.put({ stream: chunked(content, 7_000), fileName: "b.pdf", maxBytes: MIB });
      expect(second.key).toBe(first.key);
      expect(second.fileName).toBe("b.pdf");
      expect(await subject.storedKeys()).toEqual([...before, first.key].sort());
      expect(await subject.tempEntries()).toEqual([]);
    });

    it("stores concurrent puts of the same content intact, once", async () => {
      const content = uniquePdf(2 * MIB);
      const before = await subject.storedKeys();
      const results = await Promise.all(
        [4_096, 16_384, 65_536, 100_000, 1_000_000, 8_192].map((chunkSize, index) =>
          store.put({ stream: chunked(content, chunkSize), fileName: `copy-${index}.pdf`, maxBytes: 4 * MIB }),
        ),
      );
      const key = contentKey(sha256(content));
      expect(new Set(results.map((result) => result.key))).toEqual(new Set([key]));
      expect(await subject.storedKeys()).toEqual([...before, key].sort());
      expect((await readAll(await store.get(key))).equals(content)).toBe(true);
      expect(await store.verify(key, sha256(content))).toBe(true);
      expect(await subject.tempEntries()).toEqual([]);
    });

    it("refuses content over the limit mid-stream and stores nothing", async () => {
      const content = uniquePdf(12 * MIB);
      const before = await subject.storedKeys();
      const stream = chunked(content);
      const error = await storageError(store.put({ stream, fileName: "huge.pdf", maxBytes: 6 * MIB }));
      expect(error.code).toBe("FILE_TOO_LARGE");
      expect(error.details).toEqual({ maxBytes: 6 * MIB });
      // Reading stopped at the limit instead of consuming the whole upload (the test stream itself
      // reads up to 16 chunks, 1 MiB, ahead).
      expect(stream.pulled()).toBeLessThanOrEqual(7 * MIB);
      expect(stream.destroyed).toBe(true);
      expect(await store.exists(contentKey(sha256(content)))).toBe(false);
      await expectNothingStored(before);
    });

    it("refuses an empty file and stores nothing", async () => {
      const before = await subject.storedKeys();
      const error = await storageError(store.put({ stream: chunked(Buffer.alloc(0)), fileName: "empty.pdf", maxBytes: MIB }));
      expect(error.code).toBe("EMPTY_FILE");
      await expectNothingStored(before);
    });

    it("refuses an unsupported type and stores nothing", async () => {
      const before = await subject.storedKeys();
      const executable = Buffer.concat([elf(), randomBytes(3 * MIB)]);
      const error = await storageError(store.put({ stream: chunked(executable), fileName: "report.pdf", maxBytes: 10 * MIB }));
      expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(error.details.mediaType).toBe("application/x-elf");
      await expectNothingStored(before);
    });

    it("reports the sniffed type when the extension disagrees", async () => {
      const stored = await store.put({ stream: chunked(png()), fileName: "report.pdf", maxBytes: MIB, declaredMediaType: "application/pdf" });
      expect(stored.mediaType).toBe("image/png");
      expect(stored.fileName).toBe("report.pdf");
    });

    it("stores unrecognised binary content only when allowed", async () => {
      const image = firmware(256 * 1024);
      const refused = await storageError(store.put({ stream: chunked(image), fileName: "fw.bin", maxBytes: MIB }));
      expect(refused.details.mediaType).toBe("application/octet-stream");
      const stored = await store.put({ stream: chunked(image), fileName: "fw.bin", maxBytes: MIB, allowBinary: true });
      expect(stored.mediaType).toBe("application/octet-stream");
      expect((await readAll(await store.get(stored.key))).equals(image)).toBe(true);
    });

    it("reports missing and malformed keys as NOT_FOUND", async () => {
      const missing = contentKey(sha256(randomBytes(32)));
      expect(await store.exists(missing)).toBe(false);
      expect((await storageError(store.get(missing))).code).toBe("NOT_FOUND");
      expect((await storageError(store.verify(missing, "0".repeat(64)))).code).toBe("NOT_FOUND");
      for (const key of ["../../etc/passwd", "sha256/../../x", "tmp/anything", ""]) {
        expect(await store.exists(key)).toBe(false);
        expect((await storageError(store.get(key))).code).toBe("NOT_FOUND");
      }
    });

    it("verify detects corrupted content", async () => {
      const content = uniquePdf(500_000);
      const stored = await store.put({ stream: chunked(content), fileName: "cert.pdf", maxBytes: MIB });
      expect(await store.verify(stored.key, stored.sha256)).toBe(true);
      expect(await store.verify(stored.key, stored.sha256.toUpperCase())).toBe(true);
      const flipped = Buffer.from(content);
      flipped[flipped.length - 1] = (flipped[flipped.length - 1]! + 1) % 256;
      await subject.overwrite(stored.key, flipped);
      expect(await store.verify(stored.key, stored.sha256)).toBe(false);
    });

    it("repairs a damaged copy when the same content is put again", async () => {
      const content = uniquePdf(200_000);
      const stored = await store.put({ stream: chunked(content), fileName: "a.pdf", maxBytes: MIB });
      await subject.overwrite(stored.key, content.subarray(0, 1000));
      await store.put({ stream: chunked(content), fileName: "a.pdf", maxBytes: MIB });
      expect(await store.verify(stored.key, stored.sha256)).toBe(true);
    });

    it("deletes blobs, and deleting twice is fine", async () => {
      const stored = await store.put({ stream: chunked(uniquePdf(10_000)), fileName: "old.pdf", maxBytes: MIB });
      await store.delete(stored.key);
      expect(await store.exists(stored.key)).toBe(false);
      expect((await storageError(store.get(stored.key))).code).toBe("NOT_FOUND");
      await store.delete(stored.key);
      await store.delete("../../etc/passwd");
    });
  });
}
