// Sends one outbox row. Imported as "@hopquy/core/email/deliver-email-message" (worker only), so the
// web app never loads the SMTP client.
import { platformDb } from "@hopquy/db";
import { readMailEnv, type MailEnv } from "@hopquy/mail";
import { createMailTransport, type MailTransport } from "@hopquy/mail/transport";
import { logger } from "../logger";
import { EMAIL_DELIVERY_POLICY, emailRetryDelayMs, isPermanentSmtpFailure } from "./email-delivery-policy";

export type EmailDeliveryOutcome =
  // Accepted by the SMTP server and marked sent.
  | "sent"
  // Refused or unreachable: pending again, with a later nextAttemptAt.
  | "retry"
  // Given up (too many attempts or a permanent refusal).
  | "failed"
  // Not claimable now: sent already, being sent by another worker, not due yet, or unknown id.
  | "skipped"
  // No SMTP settings: the row waits, pending.
  | "not_configured";

export interface DeliverOptions {
  env?: MailEnv;
  // Reuse one connection for several rows (the caller closes it).
  transport?: MailTransport;
  now?: () => Date;
}

// The row's own Message-ID: a resend after a crash carries the same one, so receivers can spot it.
function messageIdFor(id: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "hopquy.invalid";
  return `<${id}@${domain}>`;
}

// At most one delivery holds a row: the claim is a conditional update pending → sending (or an
// expired lease → sending) that also counts the attempt; the attempt number then fences the final
// update, so a delivery that lost its lease cannot overwrite the newer one's outcome.
export async function deliverEmailMessage(id: string, options: DeliverOptions = {}): Promise<EmailDeliveryOutcome> {
  const env = options.env ?? readMailEnv();
  if (!env.smtp) return "not_configured";
  const now = options.now ?? (() => new Date());
  const db = platformDb();
  const claimedAt = now();
  const claimed = await db.emailMessage.updateMany({
    where: {
      id,
      OR: [
        { state: "pending", nextAttemptAt: { lte: claimedAt } },
        { state: "sending", leaseUntil: { lt: claimedAt } },
      ],
    },
    data: { state: "sending", leaseUntil: new Date(claimedAt.getTime() + EMAIL_DELIVERY_POLICY.leaseMs), attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) return "skipped";
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  const fence = { id, state: "sending" as const, attempts: row.attempts };
  const blank = row.sensitive ? { textBody: "", htmlBody: "" } : {};

  const transport = options.transport ?? createMailTransport(env.smtp);
  try {
    const sent = await transport.send({ to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody, messageId: messageIdFor(row.id, env.smtp.from) });
    // A crash right here (accepted, not yet marked) leaves the lease to expire: one resend follows.
    await db.emailMessage.updateMany({
      where: fence,
      data: { state: "sent", sentAt: now(), messageId: sent.messageId, leaseUntil: null, lastError: null, ...blank },
    });
    return "sent";
  } catch (err) {
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    const giveUp = row.attempts >= EMAIL_DELIVERY_POLICY.maxAttempts || isPermanentSmtpFailure(err);
    await db.emailMessage.updateMany({
      where: fence,
      data: giveUp
        ? { state: "failed", leaseUntil: null, lastError, ...blank }
        : { state: "pending", leaseUntil: null, lastError, nextAttemptAt: new Date(now().getTime() + emailRetryDelayMs(row.attempts)) },
    });
    logger.warn({ err, emailMessageId: id, attempts: row.attempts, giveUp }, "e-mail delivery failed");
    return giveUp ? "failed" : "retry";
  } finally {
    if (!options.transport) transport.close();
  }
}
