import { assessCatalogChangeImpact } from "@hopquy/core";

// After a new catalog or mapping-set revision: re-derive and flag what it changes, organization by
// organization. Progress moves once per organization; a retry skips the organizations already done.
export async function runCatalogImpactJob(payload: { kind: "catalog" | "mapping-set"; id: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const summary = await assessCatalogChangeImpact(payload, {
    onProgress: (done, total) => progress(Math.floor((done / total) * 100)),
  });
  await progress(100);
  return { ...summary, processedAt: new Date().toISOString() };
}
