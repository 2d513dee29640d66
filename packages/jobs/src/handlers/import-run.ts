import { executeImportRun } from "@hopquy/core";
import { createBlobStore, type BlobStore } from "@hopquy/storage";

// One store per worker process, the same STORAGE_DRIVER/root the web app wrote the file to.
let store: BlobStore | undefined;

// An import the user started in the wizard; the ImportRun row carries the progress the page shows.
export async function runImportJob(payload: { organizationId: string; runId: string }, progress: (percent: number) => Promise<void>, attempt?: JobAttempt) {
  store ??= createBlobStore();
  await progress(0);
  const result = await executeImportRun(payload, store, {
    finalAttempt: attempt?.final ?? true,
    onProgress: (done, total) => progress(total ? Math.floor((done / total) * 100) : 100),
  });
  await progress(100);
  return { runId: payload.runId, skipped: result.skipped };
}

export interface JobAttempt {
  /** Attempts already made before this one. */
  made: number;
  /** No retry follows when this attempt fails. */
  final: boolean;
}
