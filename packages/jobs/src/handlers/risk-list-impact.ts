import { applyRiskListPublication } from "@hopquy/core";
import { enqueueEmailDeliveries } from "../queue";

// After a new risk-list revision: re-classify every organization's SKUs and tell them. Progress
// moves once per organization; a retry skips the organizations already done.
export async function runRiskListImpactJob(payload: { riskListId: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const { emailMessageIds, ...summary } = await applyRiskListPublication(payload, { onProgress: (done, total) => progress(Math.floor((done / total) * 100)) });
  await enqueueEmailDeliveries(emailMessageIds);
  await progress(100);
  return { ...summary, emailsQueued: emailMessageIds.length, processedAt: new Date().toISOString() };
}
