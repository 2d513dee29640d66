import { sweepDeadlineReminders } from "../deadlines/sweep-deadline-reminders";
import { sweepEvidenceExpiry } from "../evidence/sweep-evidence-expiry";

// The daily reminder engine: everything dated that people must hear about — evidence expiry and
// SKU deadlines — on the same thresholds (30/7/1 days), dedupe keys and notification path
// (recordNotifications). Risk-list publications are told by their own impact job. Both halves are
// idempotent, so a retried job re-runs both.
export async function sweepReminders(input: { today?: string; onProgress?: (done: number, total: number) => Promise<void> | void } = {}) {
  const half = (offset: number) => (done: number, total: number) => input.onProgress?.(offset + (total ? done / total : 1), 2);
  const evidence = await sweepEvidenceExpiry({ today: input.today, onProgress: half(0) });
  const deadlines = await sweepDeadlineReminders({ today: evidence.today, onProgress: half(1) });
  return { evidence, deadlines, emailMessageIds: [...evidence.emailMessageIds, ...deadlines.emailMessageIds] };
}
