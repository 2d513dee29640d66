import type { Prisma, TenantTx } from "@hopquy/db";
import { readMailEnv, renderDigestMail, renderNotificationMail } from "@hopquy/mail";
import { isoToday } from "../assessments/today";
import { emailDedupeKey, writeEmailMessages, type EmailMessageInput } from "../email/write-email-messages";
import { notificationDeliveryFor } from "./notification-preferences";

export interface NotificationRow {
  organizationId: string;
  userId: string;
  kind: string;
  // Unique per (organization, user): the same key twice is one notification.
  dedupeKey: string;
  payload: Prisma.InputJsonValue;
}

// More "e-mail now" notifications than this for one recipient in one call (a reminder sweep over many
// SKUs, a list publication) come as one mail listing them, not one mail each.
export const MAX_SEPARATE_MAILS = 5;
// A combined mail lists this many; the rest are "and N more" (the notifications page has them all).
const MAX_LISTED_IN_BATCH = 50;

export interface RecordedNotifications {
  created: { id: string; userId: string; kind: string }[];
  // Outbox rows written for "e-mail now" recipients: enqueue email.deliver for them after the commit.
  emailMessageIds: string[];
}

// The one way notifications are created: inside the caller's tenant transaction, honouring each
// recipient's preference per kind (off: nothing; in_app / email_digest: the row only, the digest
// picks it up later; email_immediate: the row plus its outbox e-mail, marked emailedAt).
// A fixed number of queries whatever the number of rows.
export async function recordNotifications(tx: TenantTx, rows: readonly NotificationRow[], now: Date = new Date()): Promise<RecordedNotifications> {
  if (rows.length === 0) return { created: [], emailMessageIds: [] };
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const [users, organization] = await Promise.all([
    tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, locale: true, notificationPreferences: true } }),
    tx.organization.findFirstOrThrow({ select: { id: true, name: true, slug: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const wanted = rows.filter((r) => {
    const user = userById.get(r.userId);
    return user !== undefined && notificationDeliveryFor(user.notificationPreferences, r.kind) !== "off";
  });
  if (wanted.length === 0) return { created: [], emailMessageIds: [] };
  const created = await tx.notification.createManyAndReturn({
    data: wanted.map((r) => ({ organizationId: r.organizationId, userId: r.userId, kind: r.kind, dedupeKey: r.dedupeKey, payload: r.payload })),
    skipDuplicates: true,
    select: { id: true, userId: true, kind: true, payload: true },
  });

  const { appUrl } = readMailEnv();
  const mails: EmailMessageInput[] = [];
  const emailed: string[] = [];
  const immediateByUser = new Map<string, typeof created>();
  for (const notification of created) {
    const user = userById.get(notification.userId)!;
    if (notificationDeliveryFor(user.notificationPreferences, notification.kind) !== "email_immediate") continue;
    immediateByUser.set(user.id, [...(immediateByUser.get(user.id) ?? []), notification]);
    emailed.push(notification.id);
  }
  for (const [userId, notifications] of immediateByUser) {
    const user = userById.get(userId)!;
    const mail = { organizationId: organization.id, userId, kind: "notification" as const, to: user.email, locale: user.locale };
    if (notifications.length <= MAX_SEPARATE_MAILS) {
      for (const notification of notifications) {
        mails.push({ ...mail, dedupeKey: emailDedupeKey.notification(notification.id), content: renderNotificationMail({ locale: user.locale, organization, notification }, { appUrl }) });
      }
      continue;
    }
    // One mail for the lot, keyed by its first notification (ids are unique, so is the key).
    const listed = notifications.slice(0, MAX_LISTED_IN_BATCH);
    mails.push({
      ...mail,
      dedupeKey: emailDedupeKey.notification(notifications[0]!.id),
      content: renderDigestMail(
        { locale: user.locale, day: isoToday(now), organizations: [{ organization, notifications: listed }], more: notifications.length - listed.length, occasion: "batch" },
        { appUrl },
      ),
    });
  }
  const emailMessageIds = await writeEmailMessages(tx, mails);
  if (emailed.length) await tx.notification.updateMany({ where: { id: { in: emailed } }, data: { emailedAt: now } });
  return { created: created.map(({ id, userId, kind }) => ({ id, userId, kind })), emailMessageIds };
}
