import { DEADLINE_REMINDER_THRESHOLDS, dueReminder, isListInForce } from "@hopquy/compliance";
import { findOrganizationsForReferenceImpact, lockOrganization, tenantDb } from "@hopquy/db";
import { z } from "zod";
import { isoToday } from "../assessments/today";
import { forEachOrganization } from "../organizations/for-each-organization";
import { deadlineDueDedupeKey, deadlineOverdueDedupeKey, type DeadlinePayload } from "../notifications/notification-kinds";
import { recordNotifications, type NotificationRow } from "../notifications/record-notifications";
import { rulesOfListInForce } from "../risk-lists/risk-list-in-force";
import { loadOrganizationObligations } from "./load-organization-obligations";

// Who is reminded: the people who file declarations.
const RECIPIENT_ROLES = ["owner", "manager"] as const;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };
const HORIZON_DAYS = Math.max(...DEADLINE_REMINDER_THRESHOLDS);

export const sweepDeadlineRemindersInput = z.object({ today: z.iso.date().optional() });

export interface DeadlineSweepSummary {
  today: string;
  organizations: number;
  remindersCreated: number;
  overdueCreated: number;
  emailMessageIds: string[];
}

// The deadline half of the daily reminder sweep, on the same rules as evidence expiry (30/7/1 days,
// the due date in the dedupe key, the most urgent missed threshold only) plus one overdue notice
// per due date. Nothing is dated while no list is in force, so nothing is swept then.
export async function sweepDeadlineReminders(
  input: z.input<typeof sweepDeadlineRemindersInput> & { onProgress?: (done: number, total: number) => Promise<void> | void } = {},
): Promise<DeadlineSweepSummary> {
  const today = sweepDeadlineRemindersInput.parse({ today: input.today }).today ?? isoToday();
  const summary: DeadlineSweepSummary = { today, organizations: 0, remindersCreated: 0, overdueCreated: 0, emailMessageIds: [] };
  if (!isListInForce(await rulesOfListInForce())) return summary;
  const organizationIds = await findOrganizationsForReferenceImpact("skus");
  summary.organizations = organizationIds.length;
  await forEachOrganization(organizationIds, (organizationId) => sweepOrganizationDeadlines(organizationId, today), {
    what: "Deadline reminder sweep",
    context: { today },
    onProgress: input.onProgress,
    onResult: (result) => {
      summary.remindersCreated += result.remindersCreated;
      summary.overdueCreated += result.overdueCreated;
      summary.emailMessageIds.push(...result.emailMessageIds);
    },
  });
  return summary;
}

export async function sweepOrganizationDeadlines(organizationId: string, today: string) {
  return tenantDb(organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const [loaded, recipients] = await Promise.all([
      loadOrganizationObligations(tx, today),
      tx.membership.findMany({ where: { role: { in: [...RECIPIENT_ROLES] }, user: { disabledAt: null } }, select: { userId: true }, orderBy: { userId: "asc" } }),
    ]);
    if (!isListInForce(loaded.list) || recipients.length === 0) return { remindersCreated: 0, overdueCreated: 0, emailMessageIds: [] as string[] };
    const dated = loaded.skus.flatMap(({ sku, obligations }) =>
      obligations
        .filter((o) => (o.state === "overdue" || o.state === "due_soon" || o.state === "upcoming") && o.dueDate !== null && o.daysLeft !== null && o.daysLeft <= HORIZON_DAYS)
        .map((o) => ({ sku, obligation: o, dueDate: o.dueDate!, daysLeft: o.daysLeft! })),
    );
    // Which thresholds each recipient already got for the current due dates.
    const keyOwner = new Map<string, { ref: string; threshold: number }>();
    for (const d of dated) {
      if (d.daysLeft < 0) continue;
      for (const threshold of DEADLINE_REMINDER_THRESHOLDS) keyOwner.set(deadlineDueDedupeKey(d.sku.id, d.obligation.key, d.dueDate, threshold), { ref: `${d.sku.id}|${d.obligation.key}`, threshold });
    }
    const already = keyOwner.size
      ? await tx.notification.findMany({ where: { kind: "deadline.due", dedupeKey: { in: [...keyOwner.keys()] } }, select: { userId: true, dedupeKey: true } })
      : [];
    const sent = new Map<string, number[]>();
    for (const row of already) {
      const owner = keyOwner.get(row.dedupeKey)!;
      const key = `${row.userId}|${owner.ref}`;
      sent.set(key, [...(sent.get(key) ?? []), owner.threshold]);
    }

    const rows: NotificationRow[] = [];
    let reminders = 0;
    let overdue = 0;
    for (const d of dated) {
      const base: DeadlinePayload = {
        skuId: d.sku.id,
        modelCode: d.sku.modelCode,
        obligationKey: d.obligation.key,
        obligationKind: d.obligation.kind,
        dueDate: d.dueDate,
        daysLeft: d.daysLeft,
      };
      for (const { userId } of recipients) {
        if (d.daysLeft < 0) {
          rows.push({ organizationId, userId, kind: "deadline.overdue", dedupeKey: deadlineOverdueDedupeKey(d.sku.id, d.obligation.key, d.dueDate), payload: base });
          continue;
        }
        const threshold = dueReminder(d.daysLeft, sent.get(`${userId}|${d.sku.id}|${d.obligation.key}`) ?? []);
        if (threshold === null) continue;
        rows.push({ organizationId, userId, kind: "deadline.due", dedupeKey: deadlineDueDedupeKey(d.sku.id, d.obligation.key, d.dueDate, threshold), payload: { ...base, threshold } });
      }
    }
    const recorded = await recordNotifications(tx, rows);
    for (const n of recorded.created) {
      if (n.kind === "deadline.overdue") overdue += 1;
      else reminders += 1;
    }
    return { remindersCreated: reminders, overdueCreated: overdue, emailMessageIds: recorded.emailMessageIds };
  }, TRANSACTION_OPTIONS);
}
