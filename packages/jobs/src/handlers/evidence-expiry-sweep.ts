import { sweepEvidenceExpiry } from "@hopquy/core";

// The daily expiry sweep (scheduled, or enqueued by hand with a fixed `today` to re-run a day).
// Progress moves once per organization swept.
export async function runEvidenceExpirySweep(payload: { today?: string; requestedAt?: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const summary = await sweepEvidenceExpiry({
    today: payload.today,
    onProgress: (done, total) => progress(Math.floor((done / total) * 100)),
  });
  await progress(100);
  return { ...summary, processedAt: new Date().toISOString() };
}
