import { randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { BlobStore, PutInput, StoredBlob } from "./blob-store";
import { contentKey, sha256OfKey } from "./content-key";
import { hashStream } from "./hash-stream";
import { openUpload } from "./open-upload";
import { StorageError } from "./storage-error";

export interface LocalDiskStoreConfig {
  /** Absolute directory; blobs live under root/sha256, uploads in progress under root/tmp. */
  root: string;
}

/**
 * Blobs as files on one filesystem. Uploads are written to root/tmp, fsynced and renamed into place,
 * so a final path only ever holds complete content.
 */
export class LocalDiskBlobStore implements BlobStore {
  readonly root: string;
  readonly tempDir: string;

  constructor(config: LocalDiskStoreConfig) {
    this.root = path.resolve(config.root);
    this.tempDir = path.join(this.root, "tmp");
  }

  async put(input: PutInput): Promise<StoredBlob> {
    const upload = await openUpload(input);
    // Same filesystem as the final path, so the rename below is atomic.
    const tempPath = path.join(this.tempDir, `${randomUUID()}.part`);
    try {
      await mkdir(this.tempDir, { recursive: true });
      await writeDurably(tempPath, upload.chunks);
      const { sha256, size } = upload.result();
      const key = contentKey(sha256);
      const finalPath = this.pathOf(key);
      // Same content is already there: keep it. A size mismatch means a damaged copy, replaced below.
      if ((await statFile(finalPath))?.size !== size) {
        const firstCreated = await mkdir(path.dirname(finalPath), { recursive: true });
        // Concurrent puts of the same content each rename their own complete copy; the last one wins harmlessly.
        await rename(tempPath, finalPath);
        await syncDirectories(path.dirname(finalPath), firstCreated);
      }
      return { sha256, size, mediaType: upload.mediaType, fileName: upload.fileName, key };
    } finally {
      await upload.close();
      await rm(tempPath, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const handle = await openBlob(this.pathOf(key), key);
    return handle.createReadStream();
  }

  async exists(key: string): Promise<boolean> {
    if (sha256OfKey(key) === undefined) return false;
    return (await statFile(this.pathOf(key))) !== undefined;
  }

  async delete(key: string): Promise<void> {
    if (sha256OfKey(key) === undefined) return;
    // Directories stay: removing them could race a concurrent put between its mkdir and rename.
    await rm(this.pathOf(key), { force: true });
  }

  async verify(key: string, sha256: string): Promise<boolean> {
    const handle = await openBlob(this.pathOf(key), key);
    return (await hashStream(handle.createReadStream())) === sha256.toLowerCase();
  }

  private pathOf(key: string): string {
    if (sha256OfKey(key) === undefined) throw notFound(key);
    return path.join(this.root, ...key.split("/"));
  }
}

async function writeDurably(filePath: string, chunks: AsyncIterable<Buffer>): Promise<void> {
  const handle = await open(filePath, "wx");
  try {
    for await (const chunk of chunks) {
      let offset = 0;
      while (offset < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
        offset += bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// The rename is only durable once the directory holding the entry is synced, and so on for every
// directory mkdir created on the way down.
async function syncDirectories(dir: string, firstCreated: string | undefined): Promise<void> {
  const dirs = [dir];
  if (firstCreated !== undefined) {
    const stop = path.dirname(firstCreated);
    for (let current = dir; current !== stop && current !== path.dirname(current); current = path.dirname(current)) {
      dirs.push(path.dirname(current));
    }
  }
  for (const target of new Set(dirs)) {
    const handle = await open(target, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

async function statFile(filePath: string) {
  try {
    const stats = await stat(filePath);
    return stats.isFile() ? stats : undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

async function openBlob(filePath: string, key: string) {
  try {
    return await open(filePath, "r");
  } catch (error) {
    if (isMissing(error)) throw notFound(key);
    throw error;
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
const notFound = (key: string) => new StorageError("NOT_FOUND", `No blob under ${key}`, { key });
