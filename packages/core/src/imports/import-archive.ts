// The ZIP of files that travels with an evidence register. Read with yauzl from a temporary copy of
// the stored archive (the central directory needs random access), one entry at a time, streamed
// into the blob store through the same checks as single uploads (size cap, sniffing, allow list).
// Entry names are only ever matched against the register, never used as paths: an absolute or
// "../" name is refused, not written anywhere. An entry that inflates far beyond its compressed
// size, or past the cap, is refused while streaming (yauzl checks the actual size against the
// declared one), so a zip bomb costs a bounded amount of memory and disk.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isStorageError, type BlobStore, type StoredBlob } from "@hopquy/storage";
import yauzl from "yauzl";
import { foldText } from "./sheet-text";

export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;
export const MAX_ARCHIVE_ENTRIES = 20_000;
// Larger than any real document compresses (PDFs and images barely compress at all).
const MAX_COMPRESSION_RATIO = 200;

export interface ArchiveEntry {
  name: string;
  /** Case-, accent- and folder-insensitive key the register's file-name column is matched on. */
  key: string;
  size: number;
  /** Why the entry cannot be used (unsafe_name, suspicious_ratio, file_too_large). */
  refused?: string;
}

export type StoredEntry = { ok: true; blob: StoredBlob } | { ok: false; reason: string };

export const archiveKeyOf = (name: string) => foldText(name.split(/[\\/]/).pop() ?? name);

// Copies the stored archive to a temporary file for the duration of `work`, and removes it after.
export async function withArchiveFile<T>(store: BlobStore, key: string, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hq-archive-"));
  const file = path.join(dir, "archive.zip");
  try {
    await pipeline(await store.get(key), createWriteStream(file));
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (error, zip) => (error || !zip ? reject(error ?? new Error("not a zip")) : resolve(zip))),
  );
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // Bit 11: the name is UTF-8; otherwise CP437, of which only ASCII names are safe to read.
  return (entry.generalPurposeBitFlag & 0x800) !== 0 ? raw.toString("utf8").normalize("NFC") : raw.toString("latin1");
}

function refusalOf(name: string, entry: yauzl.Entry, maxFileBytes: number): string | undefined {
  if (name.includes("\0") || name.includes("\\") || yauzl.validateFileName(name) !== null) return "unsafe_name";
  if (entry.uncompressedSize > maxFileBytes) return "file_too_large";
  if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > MAX_COMPRESSION_RATIO && entry.uncompressedSize > 1024 * 1024) return "suspicious_ratio";
  return undefined;
}

// Walks the archive's entries (files only) in order; `visit` may read the entry's content.
async function eachEntry(file: string, maxFileBytes: number, visit: (entry: ArchiveEntry, open: () => Promise<Readable>) => Promise<void>): Promise<void> {
  const zip = await openZip(file);
  try {
    if (zip.entryCount > MAX_ARCHIVE_ENTRIES) throw Object.assign(new Error("too many entries"), { code: "archive_too_many_entries" });
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        const name = entryName(entry);
        if (name.endsWith("/")) return zip.readEntry();
        const refused = refusalOf(name, entry, maxFileBytes);
        const open = () => new Promise<Readable>((ok, fail) => zip.openReadStream(entry, (error, stream) => (error || !stream ? fail(error ?? new Error("unreadable entry")) : ok(stream))));
        visit({ name, key: archiveKeyOf(name), size: entry.uncompressedSize, ...(refused ? { refused } : {}) }, open).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

export async function listArchiveEntries(file: string, maxFileBytes: number): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  await eachEntry(file, maxFileBytes, async (entry) => void entries.push(entry));
  return entries;
}

// Stores the entries whose key is wanted; each one through store.put (cap, sniffing, allow list).
export async function storeArchiveEntries(file: string, wanted: ReadonlySet<string>, store: BlobStore, maxFileBytes: number): Promise<Map<string, StoredEntry>> {
  const stored = new Map<string, StoredEntry>();
  await eachEntry(file, maxFileBytes, async (entry, open) => {
    if (!wanted.has(entry.key) || stored.has(entry.key)) return;
    if (entry.refused) {
      stored.set(entry.key, { ok: false, reason: entry.refused });
      return;
    }
    try {
      const blob = await store.put({ stream: await open(), fileName: entry.name.split("/").pop()!, maxBytes: maxFileBytes });
      stored.set(entry.key, { ok: true, blob });
    } catch (error) {
      if (isStorageError(error)) stored.set(entry.key, { ok: false, reason: error.code.toLowerCase() });
      // An entry whose content is not what its header says (yauzl's size check) is refused, the rest go on.
      else if (error instanceof Error && /size|invalid|corrupt/i.test(error.message)) stored.set(entry.key, { ok: false, reason: "corrupt_entry" });
      else throw error;
    }
  });
  return stored;
}
