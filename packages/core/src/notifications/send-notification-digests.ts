import { findMembershipsOfUser, findUsersWithUnemailedNotifications, platformDb, tenantDb } from "@hopquy/db";
import { readMailEnv, renderDigestMail, type DigestMailInput } from "@hopquy/mail";
import { z } from "zod";
import { isoToday } from "../assessments/today";
import { emailDedupeKey, writeEmailMessage } from "../email/write-email-messages";
import { logger } from "../logger";
import { notificationDeliveryFor } from "./notification-preferences";

// Unread notifications older than this are left to the app: a digest is about recent news.
const DIGEST_LOOKBACK_MS = 7 * 24 * 3600_000;

export const sendNotificationDigestsInput = z.object({ day: z.iso.date().optional() });

export interface NotificationDigestSummary {
  day: string;
  users: number;
  digestsWritten: number;
  notificationsIncluded: number;
  emailMessageIds: string[];
}

// The daily digest job: per user, one e-mail a day with their unread, not yet e-mailed notifications
// of the kinds they get as a digest, across all their organizations. Idempotent: the outbox key
// digest:<user>:<day> admits one message, and a re-run only marks what the first run covered.
export async function sendNotificationDigests(input: z.input<typeof sendNotificationDigestsInput> & { now?: Date } = {}): Promise<NotificationDigestSummary> {
  const now = input.now ?? new Date();
  const day = sendNotificationDigestsInput.parse({ day: input.day }).day ?? isoToday(now);
  const userIds = await findUsersWithUnemailedNotifications(new Date(now.getTime() - DIGEST_LOOKBACK_MS), now);
  const summary: NotificationDigestSummary = { day, users: userIds.length, digestsWritten: 0, notificationsIncluded: 0, emailMessageIds: [] };
  const failed: string[] = [];
  for (const userId of userIds) {
    try {
      const result = await sendUserDigest(userId, day, now);
      if (result.emailMessageId) {
        summary.digestsWritten += 1;
        summary.emailMessageIds.push(result.emailMessageId);
      }
      summary.notificationsIncluded += result.included;
    } catch (err) {
      logger.error({ err, userId, day }, "notification digest failed for a user");
      failed.push(userId);
    }
  }
  if (failed.length) throw new Error(`Notification digest failed for ${failed.length} of ${userIds.length} users`);
  return summary;
}

async function sendUserDigest(userId: string, day: string, now: Date): Promise<{ emailMessageId: string | null; included: number }> {
  const db = platformDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, locale: true, notificationPreferences: true, disabledAt: true } });
  if (!user || user.disabledAt) return { emailMessageId: null, included: 0 };
  const dedupeKey = emailDedupeKey.digest(user.id, day);
  // A digest written by an earlier (interrupted) run fixes the cut-off: only what it covered is marked.
  const existing = await db.emailMessage.findUnique({ where: { dedupeKey }, select: { createdAt: true } });
  const cutoff = existing?.createdAt ?? now;
  const since = new Date(now.getTime() - DIGEST_LOOKBACK_MS);

  const groups: (DigestMailInput["organizations"][number] & { organizationId: string; ids: string[] })[] = [];
  for (const membership of await findMembershipsOfUser(user.id)) {
    const rows = await tenantDb(membership.organizationId).notification.findMany({
      where: { userId: user.id, emailedAt: null, readAt: null, createdAt: { gte: since, lt: cutoff } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, payload: true },
    });
    const digestRows = rows.filter((r) => notificationDeliveryFor(user.notificationPreferences, r.kind) === "email_digest");
    if (digestRows.length === 0) continue;
    groups.push({
      organizationId: membership.organizationId,
      organization: { name: membership.organization.name, slug: membership.organization.slug },
      notifications: digestRows,
      ids: digestRows.map((r) => r.id),
    });
  }
  const included = groups.reduce((sum, g) => sum + g.ids.length, 0);
  if (included === 0) return { emailMessageId: null, included: 0 };

  // Outbox first, marks second: a crash in between is repaired by the next run (same key, same cut-off).
  const emailMessageId = existing
    ? null
    : await writeEmailMessage(db, {
        userId: user.id,
        kind: "digest",
        dedupeKey,
        to: user.email,
        locale: user.locale,
        content: renderDigestMail({ locale: user.locale, day, organizations: groups }, { appUrl: readMailEnv().appUrl }),
      });
  for (const group of groups) {
    await tenantDb(group.organizationId).notification.updateMany({ where: { id: { in: group.ids }, emailedAt: null }, data: { emailedAt: now } });
  }
  return { emailMessageId, included };
}
