import type { BlobStore } from "./blob-store";
import { readStorageEnv } from "./env";
import { LocalDiskBlobStore } from "./local-disk-store";
import { S3BlobStore } from "./s3-store";

/** The blob store STORAGE_DRIVER selects (local disk unless told otherwise). */
export function createBlobStore(env?: NodeJS.ProcessEnv): BlobStore {
  const config = readStorageEnv(env);
  return config.driver === "s3" ? new S3BlobStore(config.s3) : new LocalDiskBlobStore({ root: config.root });
}
