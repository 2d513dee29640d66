import { createHash } from "node:crypto";
import { isAllowedMediaType } from "./allowed-media-types";
import type { PutInput } from "./blob-store";
import { sanitizeFileName } from "./sanitize-file-name";
import { SNIFF_BYTES, sniffMediaType } from "./sniff-media-type";
import { StorageError } from "./storage-error";

export interface OpenedUpload {
  mediaType: string;
  fileName: string;
  /** The whole content, single use: hashed, counted and capped at maxBytes while it is consumed. */
  chunks: AsyncIterable<Buffer>;
  /** sha256 and size, available once `chunks` has been consumed to the end. */
  result(): { sha256: string; size: number };
  /** Stops reading the source if `chunks` was not consumed to the end; call it on every error path. */
  close(): Promise<void>;
}

/**
 * Reads only the first SNIFF_BYTES of an upload to sniff and check its type, so a refused file is
 * rejected before anything is written; the caller then streams `chunks` to its storage.
 * Throws StorageError EMPTY_FILE, FILE_TOO_LARGE or UNSUPPORTED_MEDIA_TYPE.
 */
export async function openUpload(input: PutInput): Promise<OpenedUpload> {
  const { maxBytes } = input;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new TypeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  const source = (input.stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const hash = createHash("sha256");
  let size = 0;
  let ended = false;
  let finished = false;
  let digest: { sha256: string; size: number } | undefined;

  const take = (value: unknown): Buffer => {
    const chunk = toBuffer(value);
    size += chunk.length;
    if (size > maxBytes) {
      throw new StorageError("FILE_TOO_LARGE", `File exceeds the limit of ${maxBytes} bytes`, { maxBytes });
    }
    hash.update(chunk);
    return chunk;
  };
  // Ends the source early (a Readable is destroyed), so an oversized or refused upload stops being read.
  const release = async () => {
    if (!ended && !finished) await source.return?.();
  };

  const head: Buffer[] = [];
  let sample: Buffer | undefined;
  let mediaType: string;
  try {
    while (size < SNIFF_BYTES) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(take(next.value));
    }
    if (size === 0) throw new StorageError("EMPTY_FILE", "File is empty");
    // A copy, so the head survives producers that refill their buffers between yields.
    sample = Buffer.concat(head);
    head.length = 0;
    const complete = ended && sample.length <= SNIFF_BYTES;
    mediaType = await sniffMediaType(complete ? sample : sample.subarray(0, SNIFF_BYTES), complete);
    if (!isAllowedMediaType(mediaType, { allowBinary: input.allowBinary })) {
      throw new StorageError("UNSUPPORTED_MEDIA_TYPE", `Files of type ${mediaType} are not accepted`, {
        mediaType,
        declaredMediaType: input.declaredMediaType,
      });
    }
  } catch (error) {
    await release();
    throw error;
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (sample !== undefined) yield sample;
      sample = undefined;
      while (!ended) {
        const next = await source.next();
        if (next.done) break;
        yield take(next.value);
      }
      finished = true;
    } finally {
      await release();
    }
  }

  return {
    mediaType,
    fileName: sanitizeFileName(input.fileName),
    chunks: chunks(),
    result() {
      if (!finished) throw new Error("Upload not consumed to the end yet");
      digest ??= { sha256: hash.digest("hex"), size };
      return digest;
    },
    close: release,
  };
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === "string") return Buffer.from(value, "utf8");
  throw new TypeError("Upload streams must yield bytes");
}
