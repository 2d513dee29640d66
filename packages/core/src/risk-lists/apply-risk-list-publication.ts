import { findOrganizationsForReferenceImpact, lockOrganization, platformDb, tenantDb, type Prisma } from "@hopquy/db";
import { isListInForce } from "@hopquy/compliance";
import { z } from "zod";
import { isoDate } from "../assessments/today";
import { appendAuditEvent, type AuditActor } from "../audit/append-audit-event";
import { notFound } from "../errors";
import { SYSTEM_ACTOR_EMAIL } from "../evidence/sweep-evidence-expiry";
import { forEachOrganization } from "../organizations/for-each-organization";
import { riskListPublishedDedupeKey, type RiskListPublishedPayload } from "../notifications/notification-kinds";
import { recordNotifications } from "../notifications/record-notifications";
import { refreshSkuRiskClasses } from "./refresh-sku-risk-classes";
import { findRiskListInForce, riskListLabel, riskListRulesOf, RISK_LIST_SELECT } from "./risk-list-in-force";

export const RISK_LIST_APPLIED_ACTION = "risk_list.applied";
// Who is told: the people who decide classes and file declarations.
const RECIPIENT_ROLES = ["owner", "manager"] as const;
// The audit record lists at most this many changed SKUs (the count is always complete).
const MAX_RECORDED_CHANGES = 200;
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

export const applyRiskListPublicationInput = z.object({ riskListId: z.string().min(1).max(64) });

export interface RiskListPublicationSummary {
  riskListId: string;
  // False when a newer revision was published meanwhile: that one's own job applies it.
  inForce: boolean;
  organizations: number;
  alreadyDone: number;
  reclassifiedSkus: number;
  conflicts: number;
  // Outbox rows of immediate e-mails, to enqueue after the commits.
  emailMessageIds: string[];
}

// After a risk-list revision was published: re-classifies every organization's SKUs against it,
// records what changed in each organization's audit trail and tells its owners and managers. One
// transaction per organization; a retried job skips organizations that already have the event.
export async function applyRiskListPublication(
  rawInput: z.input<typeof applyRiskListPublicationInput>,
  options: { onProgress?: (done: number, total: number) => Promise<void> | void } = {},
): Promise<RiskListPublicationSummary> {
  const { riskListId } = applyRiskListPublicationInput.parse(rawInput);
  const row = await platformDb().riskList.findUnique({ where: { id: riskListId }, select: RISK_LIST_SELECT });
  if (!row) throw notFound("Risk list");
  const summary: RiskListPublicationSummary = { riskListId, inForce: true, organizations: 0, alreadyDone: 0, reclassifiedSkus: 0, conflicts: 0, emailMessageIds: [] };
  const inForce = await findRiskListInForce();
  if (inForce?.id !== row.id) return { ...summary, inForce: false };

  const rules = riskListRulesOf(row);
  const label = riskListLabel(row);
  const organizationIds = await findOrganizationsForReferenceImpact("skus");
  summary.organizations = organizationIds.length;
  const applyTo = (organizationId: string) => {
    const actor: AuditActor = { organizationId, userId: null, userEmail: SYSTEM_ACTOR_EMAIL };
    return tenantDb(organizationId).$transaction(async (tx) => {
      await lockOrganization(tx, organizationId);
      const done = await tx.auditEvent.findFirst({ where: { action: RISK_LIST_APPLIED_ACTION, targetType: "risk_list", targetId: row.id }, select: { id: true } });
      if (done) return null;
      const changes = await refreshSkuRiskClasses(tx, organizationId, rules);
      const conflicts = changes.filter((c) => c.conflict).length;
      await appendAuditEvent(tx, actor, {
        action: RISK_LIST_APPLIED_ACTION,
        targetType: "risk_list",
        targetId: row.id,
        after: {
          label,
          status: row.status,
          effectiveDate: isoDate(row.effectiveDate),
          reclassifiedSkus: changes.length,
          conflicts,
          changes: changes.slice(0, MAX_RECORDED_CHANGES).map((c) => ({
            skuId: c.skuId,
            modelCode: c.modelCode,
            from: c.before.riskClass,
            to: c.after.riskClass,
            listRiskClass: c.after.listRiskClass,
            origin: c.after.riskClassOrigin,
          })),
        } as Prisma.InputJsonValue,
      });
      const recipients = await tx.membership.findMany({ where: { role: { in: [...RECIPIENT_ROLES] }, user: { disabledAt: null } }, select: { userId: true } });
      const payload: RiskListPublishedPayload = {
        riskListId: row.id,
        label,
        status: row.status,
        effectiveDate: isoDate(row.effectiveDate),
        reclassifiedSkus: changes.length,
        conflicts,
      };
      // A "not published" revision (the shipped placeholder, a withdrawal) is no news to tell.
      const recorded = isListInForce(rules)
        ? await recordNotifications(
            tx,
            recipients.map(({ userId }) => ({ organizationId, userId, kind: "risk-list.published", dedupeKey: riskListPublishedDedupeKey(row.id), payload })),
          )
        : { emailMessageIds: [] };
      return { reclassified: changes.length, conflicts, emailMessageIds: recorded.emailMessageIds };
    }, TRANSACTION_OPTIONS);
  };
  await forEachOrganization(organizationIds, applyTo, {
    what: "Risk list publication",
    context: { riskListId },
    onProgress: options.onProgress,
    onResult: (result) => {
      if (result === null) summary.alreadyDone += 1;
      else {
        summary.reclassifiedSkus += result.reclassified;
        summary.conflicts += result.conflicts;
        summary.emailMessageIds.push(...result.emailMessageIds);
      }
    },
  });
  return summary;
}
