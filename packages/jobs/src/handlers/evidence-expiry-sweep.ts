import { sweepReminders } from "@hopquy/core";
import { enqueueEmailDeliveries } from "../queue";

// The daily reminder sweep (scheduled, or enqueued by hand with a fixed `today` to re-run a day):
// evidence expiry, then SKU deadlines. Progress moves once per organization swept.
export async function runEvidenceExpirySweep(payload: { today?: string; requestedAt?: string }, progress: (percent: number) => Promise<void>) {
  await progress(0);
  const { emailMessageIds, evidence, deadlines } = await sweepReminders({
    today: payload.today,
    onProgress: (done, total) => progress(Math.floor((done / total) * 100)),
  });
  // Reminders e-mailed at once: their outbox rows committed with the sweep.
  await enqueueEmailDeliveries(emailMessageIds);
  await progress(100);
  const { emailMessageIds: _evidenceMails, ...evidenceSummary } = evidence;
  return {
    ...evidenceSummary,
    deadlines: { organizations: deadlines.organizations, remindersCreated: deadlines.remindersCreated, overdueCreated: deadlines.overdueCreated },
    emailsQueued: emailMessageIds.length,
    processedAt: new Date().toISOString(),
  };
}
