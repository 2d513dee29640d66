import { addDays, daysUntilExpiry, dueExpiryReminder, EXPIRY_REMINDER_HORIZON_DAYS, EXPIRY_REMINDER_THRESHOLDS } from "@hopquy/compliance";
import { findOrganizationsWithEvidenceExpiryWork, lockOrganization, tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvents, type AuditActor } from "../audit/append-audit-event";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { dateOfIsoDay, isoDate, isoToday } from "../assessments/today";
import { forEachOrganization } from "../organizations/for-each-organization";
import { expiredDedupeKey, expiringDedupeKey, type EvidenceExpiryPayload } from "../notifications/notification-kinds";
import { recordNotifications, type NotificationRow } from "../notifications/record-notifications";

// Audit actor of changes no user made.
export const SYSTEM_ACTOR_EMAIL = "system";
// Who is told about expiring evidence: the people who can renew and accept it.
const RECIPIENT_ROLES = ["owner", "manager"] as const;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

export const sweepEvidenceExpiryInput = z.object({ today: z.iso.date().optional() });

export interface OrganizationExpirySweepResult {
  expiredMarked: number;
  expiryCleared: number;
  remindersCreated: number;
  expiredNotificationsCreated: number;
  // Outbox rows of immediate e-mails, to enqueue after the commit.
  emailMessageIds: string[];
}

export interface EvidenceExpirySweepSummary {
  today: string;
  organizations: number;
  expiredMarked: number;
  remindersCreated: number;
  emailMessageIds: string[];
}

// The daily job: every organization with expiring, expired or renewed evidence, each in its own
// transaction. `today` (ISO date, Vietnamese calendar by default) exists for re-runs and tests.
export async function sweepEvidenceExpiry(
  input: z.input<typeof sweepEvidenceExpiryInput> & { onProgress?: (done: number, total: number) => Promise<void> | void } = {},
): Promise<EvidenceExpirySweepSummary> {
  const today = sweepEvidenceExpiryInput.parse({ today: input.today }).today ?? isoToday();
  const organizationIds = await findOrganizationsWithEvidenceExpiryWork(dateOfIsoDay(today), dateOfIsoDay(addDays(today, EXPIRY_REMINDER_HORIZON_DAYS)));
  const summary: EvidenceExpirySweepSummary = { today, organizations: organizationIds.length, expiredMarked: 0, remindersCreated: 0, emailMessageIds: [] };
  await forEachOrganization(organizationIds, (organizationId) => sweepOrganizationEvidenceExpiry(organizationId, today), {
    what: "Evidence expiry sweep",
    context: { today },
    onProgress: input.onProgress,
    onResult: (result) => {
      summary.expiredMarked += result.expiredMarked;
      summary.remindersCreated += result.remindersCreated;
      summary.emailMessageIds.push(...result.emailMessageIds);
    },
  });
  return summary;
}

// One organization, a fixed number of queries whatever its amount of evidence.
export async function sweepOrganizationEvidenceExpiry(organizationId: string, today: string): Promise<OrganizationExpirySweepResult> {
  const actor: AuditActor = { organizationId, userId: null, userEmail: SYSTEM_ACTOR_EMAIL };
  return tenantDb(organizationId).$transaction(async (tx) => {
    // Two sweeps of one organization (the schedule and a manual run) queue here instead of both
    // marking, auditing and notifying the same evidence.
    await lockOrganization(tx, organizationId);

    // Renewed after it was marked: clear the mark, so the new date expires and reminds afresh.
    const renewed = await tx.evidence.updateManyAndReturn({
      where: { expiredAt: { not: null }, OR: [{ expiryDate: null }, { expiryDate: { gte: dateOfIsoDay(today) } }] },
      data: { expiredAt: null },
      select: { id: true, expiryDate: true },
    });
    const [candidates, recipients] = await Promise.all([
      tx.evidence.findMany({
        where: { expiredAt: null, expiryDate: { lte: dateOfIsoDay(addDays(today, EXPIRY_REMINDER_HORIZON_DAYS)) } },
        select: { id: true, title: true, expiryDate: true, reviewState: true },
        orderBy: { id: "asc" },
      }),
      tx.membership.findMany({
        where: { role: { in: [...RECIPIENT_ROLES] }, user: { disabledAt: null } },
        select: { userId: true },
        orderBy: { userId: "asc" },
      }),
    ]);
    const dated = candidates.map((e) => {
      const expiryDate = isoDate(e.expiryDate)!;
      return { ...e, expiryDate, daysLeft: daysUntilExpiry(expiryDate, today) };
    });
    const expired = dated.filter((e) => e.daysLeft < 0);
    const expiring = dated.filter((e) => e.daysLeft >= 0 && e.reviewState !== "rejected");

    if (expired.length) {
      await tx.evidence.updateMany({ where: { id: { in: expired.map((e) => e.id) } }, data: { expiredAt: new Date() } });
    }
    await appendAuditEvents(tx, actor, [
      ...renewed.map((e) => ({ action: "evidence.expiry_cleared", targetType: "evidence", targetId: e.id, after: { expiryDate: isoDate(e.expiryDate) } })),
      ...expired.map((e) => ({ action: "evidence.expired", targetType: "evidence", targetId: e.id, after: { expiryDate: e.expiryDate, reviewState: e.reviewState } })),
    ]);
    if (expired.length) {
      // Coverage already ignores expired evidence by date; this makes the stored assessments say so.
      const links = await tx.evidenceSkuLink.findMany({ where: { evidenceId: { in: expired.map((e) => e.id) } }, select: { skuId: true } });
      await refreshDerivedAssessments(tx, organizationId, links.map((l) => l.skuId), { today });
    }

    // What each recipient was already sent for the current expiry dates (any threshold).
    const keyOwners = new Map<string, { evidenceId: string; threshold: number }>();
    for (const e of expiring) {
      for (const threshold of EXPIRY_REMINDER_THRESHOLDS) keyOwners.set(expiringDedupeKey(e.id, e.expiryDate, threshold), { evidenceId: e.id, threshold });
    }
    const alreadySent =
      keyOwners.size && recipients.length
        ? await tx.notification.findMany({ where: { kind: "evidence.expiring", dedupeKey: { in: [...keyOwners.keys()] } }, select: { userId: true, dedupeKey: true } })
        : [];
    const sent = new Map<string, number[]>();
    for (const row of alreadySent) {
      const owner = keyOwners.get(row.dedupeKey)!;
      const key = `${row.userId}|${owner.evidenceId}`;
      sent.set(key, [...(sent.get(key) ?? []), owner.threshold]);
    }

    const reminders: NotificationRow[] = [];
    for (const e of expiring) {
      for (const { userId } of recipients) {
        const threshold = dueExpiryReminder(e.daysLeft, sent.get(`${userId}|${e.id}`) ?? []);
        if (threshold === null) continue;
        const payload: EvidenceExpiryPayload = { evidenceId: e.id, title: e.title, expiryDate: e.expiryDate, daysLeft: e.daysLeft, threshold };
        reminders.push({ organizationId, userId, kind: "evidence.expiring", dedupeKey: expiringDedupeKey(e.id, e.expiryDate, threshold), payload });
      }
    }
    // Rejected evidence never counted, so its expiry is not news to anyone.
    const expiredNotices: NotificationRow[] = expired
      .filter((e) => e.reviewState !== "rejected")
      .flatMap((e) =>
        recipients.map(({ userId }) => ({
          organizationId,
          userId,
          kind: "evidence.expired",
          dedupeKey: expiredDedupeKey(e.id, e.expiryDate),
          payload: { evidenceId: e.id, title: e.title, expiryDate: e.expiryDate } satisfies EvidenceExpiryPayload,
        })),
      );
    const recorded = await recordNotifications(tx, [...reminders, ...expiredNotices]);
    const count = (kind: string) => recorded.created.filter((n) => n.kind === kind).length;
    return {
      expiredMarked: expired.length,
      expiryCleared: renewed.length,
      remindersCreated: count("evidence.expiring"),
      expiredNotificationsCreated: count("evidence.expired"),
      emailMessageIds: recorded.emailMessageIds,
    };
  }, TRANSACTION_OPTIONS);
}
