import { sendNotificationDigests } from "@hopquy/core";
import { enqueueEmailDeliveries } from "../queue";

// Daily: one digest e-mail per user (payload `day` re-runs a given day; idempotent).
export async function runSendEmailDigestJob(payload: { day?: string }, progress: (percent: number) => Promise<void>) {
  const { emailMessageIds, ...summary } = await sendNotificationDigests({ day: payload.day });
  await enqueueEmailDeliveries(emailMessageIds);
  await progress(100);
  return { ...summary, processedAt: new Date().toISOString() };
}
