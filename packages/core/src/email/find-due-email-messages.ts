import { platformDb } from "@hopquy/db";
import { EMAIL_DELIVERY_POLICY } from "./email-delivery-policy";

// For the one-minute flush: rows due now (never enqueued, due for a retry, or with an expired lease),
// oldest first. The attempt number goes into the job id, so each attempt is queued once.
export async function findDueEmailMessages(now: Date = new Date(), limit: number = EMAIL_DELIVERY_POLICY.flushBatch) {
  return platformDb().emailMessage.findMany({
    where: {
      OR: [
        { state: "pending", nextAttemptAt: { lte: now } },
        { state: "sending", leaseUntil: { lt: now } },
      ],
    },
    select: { id: true, attempts: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
}
