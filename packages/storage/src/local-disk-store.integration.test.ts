import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalDiskBlobStore } from "./local-disk-store";
import { describeBlobStoreContract } from "./testing/blob-store-contract";
import { chunked, uniquePdf } from "./testing/fixtures";

let root: string;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describeBlobStoreContract("LocalDiskBlobStore", {
  async setup() {
    root = await mkdtemp(path.join(tmpdir(), "hopquy-blobs-"));
    const store = new LocalDiskBlobStore({ root });
    return {
      store,
      tempEntries: () => filesUnder(store.tempDir),
      storedKeys: async () => (await filesUnder(path.join(root, "sha256"))).map((file) => `sha256/${file.split(path.sep).join("/")}`).sort(),
      overwrite: (key, bytes) => writeFile(path.join(root, ...key.split("/")), bytes),
    };
  },
  async teardown() {
    await rm(root, { recursive: true, force: true });
  },
});

describe("LocalDiskBlobStore on disk", () => {
  it("lays blobs out by hash and keeps the temporary area inside the root", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hopquy-blobs-"));
    try {
      const store = new LocalDiskBlobStore({ root: path.join(dir, "nested", "..", "blobs") });
      expect(store.root).toBe(path.join(dir, "blobs"));
      expect(store.tempDir).toBe(path.join(dir, "blobs", "tmp"));
      const stored = await store.put({ stream: chunked(uniquePdf(1000)), fileName: "a.pdf", maxBytes: 10_000 });
      const file = path.join(dir, "blobs", "sha256", stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256);
      expect((await stat(file)).size).toBe(1000);
      expect(await readdir(store.tempDir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("removes the temporary file when the source stream fails", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hopquy-blobs-"));
    try {
      const store = new LocalDiskBlobStore({ root: dir });
      async function* failing() {
        yield uniquePdf(200_000);
        throw new Error("client went away");
      }
      await expect(store.put({ stream: failing(), fileName: "a.pdf", maxBytes: 1_000_000 })).rejects.toThrow("client went away");
      expect(await readdir(store.tempDir)).toEqual([]);
      expect(await filesUnder(path.join(dir, "sha256"))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
