import { addDays, DUE_SOON_DAYS, isListInForce, type DeadlineState } from "@hopquy/compliance";
import { countSettledAssessments, tenantDb } from "@hopquy/db";
import { z } from "zod";
import { loadTargetCatalog } from "../assessments/target-catalog";
import { dateOfIsoDay, isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { CATALOG_IMPACT_ACTION } from "../catalog-changes/catalog-impact-record";
import { assertCan } from "../permissions";
import { RISK_LIST_APPLIED_ACTION } from "../risk-lists/apply-risk-list-publication";
import { riskListLabel } from "../risk-lists/risk-list-in-force";
import { deadlinesOf, type OrganizationDeadline } from "./list-organization-deadlines";
import { loadOrganizationObligations } from "./load-organization-obligations";

const NEXT_DEADLINES = 8;
const AT_RISK_SHOWN = 10;
const CHANGES_SHOWN = 8;
// Without an earlier visit, "what changed" looks back this far.
const FIRST_VISIT_LOOKBACK_DAYS = 30;
// Reloads within this window are the same visit (the previous visit is not moved forward).
const VISIT_GAP_MS = 30 * 60 * 1000;
const CHANGE_ACTIONS = [CATALOG_IMPACT_ACTION, RISK_LIST_APPLIED_ACTION, "evidence.expired"] as const;
const OPEN_STATES: readonly DeadlineState[] = ["overdue", "due_soon", "upcoming"];

export const dashboardInput = z.object({ today: z.iso.date().optional() });

// The organization overview: risk-list status, next deadlines, SKUs at risk, readiness per QCVN 11
// group and what changed since the previous visit. A fixed number of queries at any SKU count.
// (Assessments are unique per SKU scope and clause, and only current rows count: one per cell.)
export async function getComplianceDashboard(ctx: TenantContext, rawInput: z.input<typeof dashboardInput> = {}) {
  assertCan(ctx, "organization:read");
  const today = dashboardInput.parse(rawInput).today ?? isoToday();
  const db = tenantDb(ctx.organizationId);
  const [obligations, target, membership] = await Promise.all([
    loadOrganizationObligations(db, today),
    loadTargetCatalog(db),
    db.membership.findFirst({ where: { userId: ctx.userId }, select: { id: true, dashboardSeenAt: true, dashboardPreviousSeenAt: true } }),
  ]);
  const since = visitBaseline(membership?.dashboardSeenAt ?? null, membership?.dashboardPreviousSeenAt ?? null);
  const [settled, changes] = await Promise.all([
    target ? countSettledAssessments(db, ctx.organizationId, target.id) : { bySku: new Map<string, number>(), byGroup: new Map<string, number>() },
    db.auditEvent.findMany({
      where: { action: { in: [...CHANGE_ACTIONS] }, createdAt: { gt: since } },
      orderBy: { seq: "desc" },
      take: 200,
      select: { id: true, action: true, targetId: true, after: true, createdAt: true },
    }),
  ]);

  const clauseCount = target?.clauses.length ?? 0;
  const openGaps = (skuId: string) => Math.max(0, clauseCount - (settled.bySku.get(skuId) ?? 0));

  const deadlines = deadlinesOf(obligations);
  const open = deadlines.filter((d) => OPEN_STATES.includes(d.obligation.state));
  const stateCounts: Record<DeadlineState, number> = { tbd: 0, upcoming: 0, due_soon: 0, overdue: 0, met: 0, not_required: 0 };
  for (const d of deadlines) stateCounts[d.obligation.state] += 1;

  // At risk: a deadline within DUE_SOON_DAYS (or passed) while QCVN 11 coverage is incomplete.
  const atRiskBySku = new Map<string, { sku: OrganizationDeadline["sku"]; deadline: OrganizationDeadline["obligation"]; openGaps: number }>();
  for (const d of open) {
    if (d.obligation.daysLeft === null || d.obligation.daysLeft > DUE_SOON_DAYS) continue;
    const gaps = openGaps(d.sku.id);
    if (gaps === 0 || atRiskBySku.has(d.sku.id)) continue;
    atRiskBySku.set(d.sku.id, { sku: d.sku, deadline: d.obligation, openGaps: gaps });
  }

  const skuCount = obligations.skus.length;
  const readiness = (target?.groups ?? []).map((g) => {
    const clauses = target!.clauses.filter((c) => c.groupId === g.id).length;
    const cells = clauses * skuCount;
    const done = settled.byGroup.get(g.id) ?? 0;
    return { groupId: g.id, code: g.code, titleVi: g.titleVi, titleEn: g.titleEn, clauses, settled: done, cells, progress: cells ? done / cells : 0 };
  });

  const changeCounts = { catalog: 0, riskList: 0, expiredEvidence: 0 };
  for (const c of changes) {
    if (c.action === CATALOG_IMPACT_ACTION) changeCounts.catalog += 1;
    else if (c.action === RISK_LIST_APPLIED_ACTION) changeCounts.riskList += 1;
    else changeCounts.expiredEvidence += 1;
  }

  const listRow = obligations.listRecord;
  return {
    today,
    riskList: listRow
      ? {
          id: listRow.id,
          label: riskListLabel(listRow),
          inForce: isListInForce(obligations.list),
          status: obligations.list?.status ?? listRow.status,
          publicationDate: obligations.list?.publicationDate ?? null,
          effectiveDate: obligations.list?.effectiveDate ?? null,
          source: listRow.sourceCitation,
          publishedAt: listRow.publishedAt,
        }
      : null,
    skuCount,
    stateCounts,
    nextDeadlines: open.slice(0, NEXT_DEADLINES),
    atRisk: { total: atRiskBySku.size, skus: [...atRiskBySku.values()].slice(0, AT_RISK_SHOWN) },
    readiness,
    changes: { since, counts: changeCounts, latest: changes.slice(0, CHANGES_SHOWN).map((c) => ({ id: c.id, action: c.action, targetId: c.targetId, after: c.after, createdAt: c.createdAt })) },
    classConflicts: obligations.skus.filter((s) => s.sku.classConflict).length,
  };
}

// The previous visit is what "since your last visit" compares with; a reload within VISIT_GAP_MS
// keeps it, so the page does not empty itself on refresh.
function visitBaseline(seenAt: Date | null, previousSeenAt: Date | null): Date {
  // Without an earlier visit: the start of the (Vietnamese) day FIRST_VISIT_LOOKBACK_DAYS ago,
  // stable across reloads.
  const firstVisit = dateOfIsoDay(addDays(isoToday(), -FIRST_VISIT_LOOKBACK_DAYS));
  if (seenAt && Date.now() - seenAt.getTime() < VISIT_GAP_MS) return previousSeenAt ?? firstVisit;
  return seenAt ?? firstVisit;
}

// Called after the dashboard rendered: moves "last visit" forward unless this is the same visit.
export async function recordDashboardVisit(ctx: TenantContext): Promise<void> {
  assertCan(ctx, "organization:read");
  const db = tenantDb(ctx.organizationId);
  const membership = await db.membership.findFirst({ where: { userId: ctx.userId }, select: { id: true, dashboardSeenAt: true } });
  if (!membership) return;
  const now = new Date();
  if (membership.dashboardSeenAt && now.getTime() - membership.dashboardSeenAt.getTime() < VISIT_GAP_MS) {
    await db.membership.update({ where: { id: membership.id }, data: { dashboardSeenAt: now } });
    return;
  }
  await db.membership.update({ where: { id: membership.id }, data: { dashboardPreviousSeenAt: membership.dashboardSeenAt, dashboardSeenAt: now } });
}
