import type { OutboxTx } from "./write-email-messages";

// Messages that must not go out any more (a revoked invitation's link): not yet claimed rows become
// `failed` with the reason, bodies blanked. A row already being sent is left to finish.
export async function cancelEmailMessages(tx: OutboxTx, dedupeKeys: readonly string[], reason: string): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const { count } = await tx.emailMessage.updateMany({
    where: { dedupeKey: { in: [...dedupeKeys] }, state: "pending" },
    data: { state: "failed", lastError: `cancelled: ${reason}`, textBody: "", htmlBody: "" },
  });
  return count;
}
