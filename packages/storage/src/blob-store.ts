import type { Readable } from "node:stream";

export interface PutInput {
  /** Chunks must stay untouched once yielded (Node and web streams never reuse them). */
  stream: Readable | AsyncIterable<Uint8Array>;
  /** The client's name for the file; only ever stored sanitised. */
  fileName: string;
  /** Upper bound in bytes, enforced while streaming. */
  maxBytes: number;
  /** What the client claims; never trusted, only reported back in errors. */
  declaredMediaType?: string;
  /** Accept content no sniffer recognises (firmware images) as application/octet-stream. */
  allowBinary?: boolean;
}

export interface StoredBlob {
  /** Lowercase hex sha256 of the stored bytes. */
  sha256: string;
  size: number;
  /** Sniffed from the content, never taken from the name or the client. */
  mediaType: string;
  /** Sanitised file name (see sanitizeFileName). */
  fileName: string;
  /** Content-addressed key: identical content always gets the same key. */
  key: string;
}

/** The product's one blob store; implementations are selected by createBlobStore. */
export interface BlobStore {
  /** Streams, hashes, sniffs and stores; throws StorageError FILE_TOO_LARGE, EMPTY_FILE or UNSUPPORTED_MEDIA_TYPE. */
  put(input: PutInput): Promise<StoredBlob>;
  /** Throws StorageError NOT_FOUND for unknown or malformed keys. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** Re-hashes the stored content; false when it no longer matches. Throws NOT_FOUND when missing. */
  verify(key: string, sha256: string): Promise<boolean>;
}
