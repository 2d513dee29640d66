import { runOrganizationRemap } from "@hopquy/core";

// An organization-wide re-mapping (preview or apply); the RemapRun row carries the state the page shows.
export async function runOrganizationRemapJob(payload: { organizationId: string; runId: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const result = await runOrganizationRemap(payload, (done, total) => progress(total ? Math.floor((done / total) * 100) : 100));
  await progress(100);
  return { runId: payload.runId, skipped: result.skipped };
}
