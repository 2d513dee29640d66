"use server";

import { applySkuRemap, markRemapRunFailed, skuRemapInput, startOrganizationRemap, startOrganizationRemapInput } from "@hopquy/core";
import { enqueueOrganizationRemap } from "@hopquy/jobs";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action-client";

// The run row exists before the job is queued; if Redis refuses the job, the run is marked failed
// instead of showing "queued" forever.
export const startOrganizationRemapAction = orgAction("assessment:read", startOrganizationRemapInput, async (ctx, input) => {
  const run = await startOrganizationRemap(ctx, input);
  try {
    await enqueueOrganizationRemap(ctx.organizationId, run.id);
  } catch (error) {
    await markRemapRunFailed(ctx.organizationId, run.id, "The job queue is unavailable");
    throw error;
  }
  revalidatePath(`/${ctx.organizationSlug}/remap`);
  return { runId: run.id };
});

export const applySkuRemapAction = orgAction("assessment:decide", skuRemapInput, async (ctx, input) => {
  const result = await applySkuRemap(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return { written: result.written };
});
