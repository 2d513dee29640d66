import { deliverEmailMessage } from "@hopquy/core/email/deliver-email-message";

// One outbox row to the SMTP server. SMTP failures are recorded on the row (retry with backoff),
// so the job itself only fails when the database does; running it twice sends once.
export async function runDeliverEmailJob(payload: { id: string }, progress: (percent: number) => Promise<void>) {
  const outcome = await deliverEmailMessage(payload.id);
  await progress(100);
  return { id: payload.id, outcome };
}
