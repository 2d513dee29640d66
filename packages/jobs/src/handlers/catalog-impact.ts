import { assessCatalogChangeImpact } from "@hopquy/core";
import { enqueueEmailDeliveries } from "../queue";

// After a new catalog or mapping-set revision: re-derive and flag what it changes, organization by
// organization. Progress moves once per organization; a retry skips the organizations already done.
export async function runCatalogImpactJob(payload: { kind: "catalog" | "mapping-set"; id: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const { emailMessageIds, ...summary } = await assessCatalogChangeImpact(payload, {
    onProgress: (done, total) => progress(Math.floor((done / total) * 100)),
  });
  await enqueueEmailDeliveries(emailMessageIds);
  await progress(100);
  return { ...summary, emailsQueued: emailMessageIds.length, processedAt: new Date().toISOString() };
}
