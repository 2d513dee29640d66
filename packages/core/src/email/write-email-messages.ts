import type { MailContent, MailLocale } from "@hopquy/mail";
import type { TenantTx } from "@hopquy/db";

// One row per message and purpose: a second write with the same key is a no-op.
export const emailDedupeKey = {
  notification: (notificationId: string) => `notification:${notificationId}`,
  digest: (userId: string, isoDay: string) => `digest:${userId}:${isoDay}`,
  invitation: (invitationId: string) => `invitation:${invitationId}`,
  passwordReset: (requestId: string) => `password-reset:${requestId}`,
};

export type EmailKind = "notification" | "digest" | "invitation" | "password-reset";

export interface EmailMessageInput {
  organizationId?: string | null;
  userId?: string | null;
  kind: EmailKind;
  dedupeKey: string;
  to: string;
  locale: MailLocale;
  content: MailContent;
  // Bodies are blanked once sent or given up (reset links must not stay in the database).
  sensitive?: boolean;
}

// Any transaction client (tenant-scoped or platform) can write the outbox: EmailMessage is not a tenant table.
export type OutboxTx = Pick<TenantTx, "emailMessage">;

// The transactional outbox: call inside the transaction of the change the e-mail is about, so the
// message exists exactly when the change committed. Returns the ids of the rows actually created;
// enqueue `email.deliver` for them after the commit (the one-minute flush catches any missed).
export async function writeEmailMessages(tx: OutboxTx, messages: readonly EmailMessageInput[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const created = await tx.emailMessage.createManyAndReturn({
    data: messages.map((m) => ({
      organizationId: m.organizationId ?? null,
      userId: m.userId ?? null,
      kind: m.kind,
      dedupeKey: m.dedupeKey,
      toAddress: m.to,
      locale: m.locale,
      subject: m.content.subject,
      textBody: m.content.text,
      htmlBody: m.content.html,
      sensitive: m.sensitive ?? false,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  return created.map((row) => row.id);
}

export async function writeEmailMessage(tx: OutboxTx, message: EmailMessageInput): Promise<string | null> {
  const [id] = await writeEmailMessages(tx, [message]);
  return id ?? null;
}
