"use server";

import { cancelImportRun, checkImportRun, checkImportRunInput, IMPORT_KINDS, markImportRunFailed, startImportRun, uploadImportFile } from "@hopquy/core";
import { enqueueImportRun } from "@hopquy/jobs";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getBlobStore } from "@/lib/blob-store";
import { orgAction } from "@/lib/action-client";

// A file travels to a server action inside FormData (body cap: serverActions.bodySizeLimit in
// next.config.ts); the service enforces the 5 MB limit and reports it like any other file problem.
const uploadFormInput = z
  .instanceof(FormData)
  .transform((form) => ({ file: form.get("file"), kind: form.get("kind") }))
  .pipe(z.object({ file: z.custom<File>((value) => value instanceof Blob && typeof (value as File).name === "string", "file_required"), kind: z.enum(IMPORT_KINDS) }));

// Every import action is gated on an editing permission here; the service checks the kind's own
// (sku:create for SKU lists, evidence:create for evidence registers).
export const uploadImportFileAction = orgAction("sku:create", uploadFormInput, async (ctx, { file, kind }) =>
  uploadImportFile(ctx, getBlobStore(), { kind, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
);

export const checkImportRunAction = orgAction("sku:create", checkImportRunInput, async (ctx, input) => {
  const report = await checkImportRun(ctx, getBlobStore(), input);
  revalidatePath(`/${ctx.organizationSlug}/imports/${input.runId}`);
  return report;
});

const runInput = z.object({ runId: z.string().min(1).max(64) });

// The run row is queued before the job; if Redis refuses the job, the run is marked failed instead
// of showing "queued" forever.
export const startImportRunAction = orgAction("sku:create", runInput, async (ctx, { runId }) => {
  await startImportRun(ctx, runId);
  try {
    await enqueueImportRun(ctx.organizationId, runId);
  } catch (error) {
    await markImportRunFailed(ctx.organizationId, runId, "The job queue is unavailable");
    throw error;
  }
  revalidatePath(`/${ctx.organizationSlug}/imports/${runId}`);
  return { runId };
});

export const cancelImportRunAction = orgAction("sku:create", runInput, async (ctx, { runId }) => {
  await cancelImportRun(ctx, runId);
  revalidatePath(`/${ctx.organizationSlug}/imports/${runId}`);
  return { runId };
});
