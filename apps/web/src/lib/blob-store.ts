import { createBlobStore, type BlobStore } from "@hopquy/storage";

// One store per server process, selected by STORAGE_DRIVER (local disk unless told otherwise).
const globalForStore = globalThis as unknown as { __hopquyBlobStore?: BlobStore };

export function getBlobStore(): BlobStore {
  globalForStore.__hopquyBlobStore ??= createBlobStore();
  return globalForStore.__hopquyBlobStore;
}
