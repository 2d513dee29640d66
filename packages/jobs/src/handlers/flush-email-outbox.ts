import { findDueEmailMessages, isMailConfigured } from "@hopquy/core";
import { enqueueEmailDeliveries } from "../queue";

// Every minute: rows whose enqueue after the commit failed, rows due for a retry and rows whose
// lease expired (a worker died mid-delivery) get an email.deliver job. Without SMTP settings the
// rows wait, pending.
export async function runFlushEmailOutboxJob(_payload: Record<string, never>, progress: (percent: number) => Promise<void>) {
  if (!isMailConfigured()) return { configured: false, enqueued: 0 };
  const due = await findDueEmailMessages();
  await enqueueEmailDeliveries(due);
  await progress(100);
  return { configured: true, enqueued: due.length };
}
