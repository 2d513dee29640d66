// Deadlines computed on read from the list in force, the SKU's class and market status and its
// declarations; the dashboard summarises them in a fixed number of queries; the daily sweep
// reminds owners and managers 30/7/1 days before and once when overdue, never twice.
import { tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { dateOfIsoDay } from "../assessments/today";
import { createSku } from "../skus/create-sku";
import { createTeam, type TestTeam } from "../testing/fixtures";
import { publishTestRiskList } from "../testing/risk-list-publication";
import { getComplianceDashboard, recordDashboardVisit } from "./get-compliance-dashboard";
import { getPortfolioDeadlines } from "./get-portfolio-deadlines";
import { listOrganizationDeadlines } from "./list-organization-deadlines";
import { sweepOrganizationDeadlines } from "./sweep-deadline-reminders";

// The test list: 8525.89 medium (declaration, 180 days' grace), 8525.81 high (certification, 90
// days), effective 2027-01-01. A product on the market since before then: due 2027-06-30.
const DUE_ON_MARKET = "2027-06-30";
let team: TestTeam;
let onMarket: { id: string; modelCode: string };
let planned: { id: string; modelCode: string };
let declared: { id: string; modelCode: string };
let high: { id: string; modelCode: string };

const sku = (modelCode: string, hsCode: string) => ({ modelCode, brand: "Test", manufacturer: "Test Co", countryOfOrigin: "VN", hsCode });

beforeAll(async () => {
  await loadShippedReferenceData();
  team = await createTeam();
  const suffix = Date.now();
  onMarket = await createSku(team.ctx.owner, sku(`DL-MARKET-${suffix}`, "8525.89.10"));
  planned = await createSku(team.ctx.owner, sku(`DL-PLANNED-${suffix}`, "8525.89.20"));
  declared = await createSku(team.ctx.owner, sku(`DL-DECLARED-${suffix}`, "8525.89.30"));
  high = await createSku(team.ctx.owner, sku(`DL-HIGH-${suffix}`, "8525.81.00"));
  const db = tenantDb(team.organization.id);
  await db.sku.update({ where: { id: planned.id }, data: { marketStatus: "planned", onMarketSince: null, plannedLaunchOn: dateOfIsoDay("2027-03-01") } });
  const riskList = await publishTestRiskList(`deadlines-${suffix}`);
  await db.declarationSubmission.create({
    data: { organizationId: team.organization.id, skuId: declared.id, route: "self_assessment", filedOn: dateOfIsoDay("2027-02-01"), createdByEmail: team.users.owner.email, riskListId: riskList.id },
  });
});

const rowOf = (rows: { sku: { id: string }; obligation: { kind: string } }[], skuId: string, kind = "declaration") => rows.find((r) => r.sku.id === skuId && r.obligation.kind === kind);

describe("the deadlines of an organization", () => {
  it("dates each obligation from the list, the market status and the filed declarations", async () => {
    const result = await listOrganizationDeadlines(team.ctx.viewer, { today: "2027-06-05", limit: 200 });
    expect(result.list?.effectiveDate).toBe("2027-01-01");
    expect(rowOf(result.deadlines, onMarket.id)?.obligation).toMatchObject({ dueDate: DUE_ON_MARKET, state: "due_soon", daysLeft: 25, dueRule: "effective_plus_grace" });
    expect(rowOf(result.deadlines, planned.id)?.obligation).toMatchObject({ dueDate: "2027-03-01", state: "overdue" });
    expect(rowOf(result.deadlines, declared.id)?.obligation).toMatchObject({ state: "met" });
    expect(rowOf(result.deadlines, high.id, "certification")?.obligation).toMatchObject({ dueDate: "2027-04-01", state: "overdue", required: "yes" });
  });

  it("filters by state, class and kind, counts every state, and pages", async () => {
    const overdue = await listOrganizationDeadlines(team.ctx.viewer, { today: "2027-06-05", state: "overdue" });
    expect(overdue.deadlines.every((d) => d.obligation.state === "overdue")).toBe(true);
    expect(overdue.stateCounts.overdue).toBe(overdue.total);
    expect(overdue.stateCounts.met).toBeGreaterThanOrEqual(1);
    const highOnly = await listOrganizationDeadlines(team.ctx.viewer, { today: "2027-06-05", riskClass: "high", kind: "certification" });
    expect(highOnly.deadlines.map((d) => d.sku.id)).toEqual([high.id]);
    const paged = await listOrganizationDeadlines(team.ctx.viewer, { today: "2027-06-05", limit: 2, page: 2 });
    expect(paged.deadlines).toHaveLength(2);
    expect(paged.pageCount).toBe(Math.ceil(paged.total / 2));
    // Open work first: the first page starts with overdue rows.
    const first = await listOrganizationDeadlines(team.ctx.viewer, { today: "2027-06-05", limit: 1 });
    expect(first.deadlines[0]!.obligation.state).toBe("overdue");
  });

  it("refuses a malformed filter with a clear error", async () => {
    await expect(listOrganizationDeadlines(team.ctx.viewer, { state: "late" as never })).rejects.toThrow(/invalid_state/);
  });
});

describe("the compliance dashboard", () => {
  it("shows the list in force, next deadlines, products at risk and readiness", async () => {
    const dashboard = await getComplianceDashboard(team.ctx.viewer, { today: "2027-06-05" });
    expect(dashboard.riskList).toMatchObject({ status: "published", effectiveDate: "2027-01-01" });
    expect(dashboard.nextDeadlines[0]!.obligation.state).toBe("overdue");
    expect(dashboard.nextDeadlines.some((d) => d.sku.id === onMarket.id)).toBe(true);
    // No evidence yet: every product with a near deadline is at risk, with all clauses open.
    const atRisk = dashboard.atRisk.skus.find((s) => s.sku.id === onMarket.id);
    expect(atRisk?.openGaps).toBeGreaterThan(0);
    expect(dashboard.atRisk.skus.some((s) => s.sku.id === declared.id)).toBe(false);
    expect(dashboard.readiness.length).toBeGreaterThan(0);
    expect(dashboard.readiness.every((g) => g.progress >= 0 && g.progress <= 1)).toBe(true);
    expect(dashboard.changes.counts.riskList).toBe(1);
  });

  it("counts a settled clause once: one gap fewer for the SKU, one more settled cell in its group", async () => {
    const db = tenantDb(team.organization.id);
    const before = await getComplianceDashboard(team.ctx.viewer, { today: "2027-06-05" });
    const row = await db.assessment.findFirstOrThrow({ where: { skuId: onMarket.id, current: true, status: { notIn: ["covered", "not_applicable"] } }, include: { clause: { select: { groupId: true } } } });
    await db.assessment.update({ where: { id: row.id }, data: { status: "covered" } });
    const after = await getComplianceDashboard(team.ctx.viewer, { today: "2027-06-05" });
    const gaps = (d: typeof before) => d.atRisk.skus.find((s) => s.sku.id === onMarket.id)!.openGaps;
    expect(gaps(after)).toBe(gaps(before) - 1);
    const settledIn = (d: typeof before) => d.readiness.find((g) => g.groupId === row.clause.groupId)!.settled;
    expect(settledIn(after)).toBe(settledIn(before) + 1);
    await db.assessment.update({ where: { id: row.id }, data: { status: row.status } });
  });

  it("uses the same number of queries whatever the number of SKUs", async () => {
    const { queries: before } = await countDatabaseQueries(() => getComplianceDashboard(team.ctx.viewer, { today: "2027-06-05" }));
    await tenantDb(team.organization.id).sku.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ organizationId: team.organization.id, modelCode: `DL-BULK-${i}-${Date.now()}`, brand: "B", manufacturer: "B", countryOfOrigin: "VN", hsCode: "8525.89.10", capabilities: {} })),
    });
    const { queries: after } = await countDatabaseQueries(() => getComplianceDashboard(team.ctx.viewer, { today: "2027-06-05" }));
    expect(after).toBe(before);
  });

  it("compares with the previous visit: a reload keeps the baseline, a later visit moves it", async () => {
    // As the page does: render, then record the visit.
    const ctx = team.ctx.manager;
    const first = await getComplianceDashboard(ctx);
    await recordDashboardVisit(ctx);
    const reload = await getComplianceDashboard(ctx);
    await recordDashboardVisit(ctx);
    expect(reload.changes.since).toEqual(first.changes.since);
    expect(reload.changes.counts.riskList).toBe(1);
    // The visit ended an hour ago: the next one compares with it.
    const db = tenantDb(team.organization.id);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: team.users.manager.id } });
    const endedAt = new Date(Date.now() - 3_600_000);
    await db.membership.update({ where: { id: membership.id }, data: { dashboardSeenAt: endedAt } });
    const later = await getComplianceDashboard(ctx);
    expect(later.changes.since).toEqual(endedAt);
    await recordDashboardVisit(ctx);
    expect(await db.membership.findFirstOrThrow({ where: { id: membership.id } })).toMatchObject({ dashboardPreviousSeenAt: endedAt });
  });
});

describe("deadline reminders", () => {
  const notices = () => tenantDb(team.organization.id).notification.findMany({ where: { kind: { in: ["deadline.due", "deadline.overdue"] }, payload: { path: ["skuId"], equals: onMarket.id } }, orderBy: { createdAt: "asc" } });

  it("reminds owners and managers at 30, 7 and 1 days, and once when overdue, never twice", async () => {
    const first = await sweepOrganizationDeadlines(team.organization.id, "2027-06-05");
    expect(first.remindersCreated).toBeGreaterThanOrEqual(2);
    let rows = await notices();
    expect(rows.map((n) => [n.kind, (n.payload as { threshold?: number }).threshold])).toEqual([["deadline.due", 30], ["deadline.due", 30]]);
    expect(new Set(rows.map((n) => n.userId))).toEqual(new Set([team.users.owner.id, team.users.manager.id]));

    await sweepOrganizationDeadlines(team.organization.id, "2027-06-05");
    await sweepOrganizationDeadlines(team.organization.id, "2027-06-10");
    expect(await notices()).toHaveLength(2);

    await sweepOrganizationDeadlines(team.organization.id, "2027-06-25");
    rows = await notices();
    expect(rows.filter((n) => (n.payload as { threshold?: number }).threshold === 7)).toHaveLength(2);

    await sweepOrganizationDeadlines(team.organization.id, "2027-07-01");
    await sweepOrganizationDeadlines(team.organization.id, "2027-07-02");
    rows = await notices();
    expect(rows.filter((n) => n.kind === "deadline.overdue")).toHaveLength(2);
    expect(rows.filter((n) => n.userId === team.users.viewer.id || n.userId === team.users.contributor.id)).toHaveLength(0);
  });

  it("does not remind about a deadline a declaration has met", async () => {
    const rows = await tenantDb(team.organization.id).notification.findMany({ where: { kind: { in: ["deadline.due", "deadline.overdue"] }, payload: { path: ["skuId"], equals: declared.id } } });
    expect(rows.map((r) => r.payload)).toEqual([]);
  });
});

describe("access", () => {
  it("shows an organization only its own SKUs' deadlines", async () => {
    const other = await createTeam();
    const theirs = await listOrganizationDeadlines(other.ctx.owner, { today: "2027-06-05", limit: 200 });
    expect(theirs.deadlines.some((d) => [onMarket.id, planned.id, declared.id, high.id].includes(d.sku.id))).toBe(false);
    const dashboard = await getComplianceDashboard(other.ctx.owner, { today: "2027-06-05" });
    expect(dashboard.skuCount).toBe(0);
  });

  it("gives a consultant the open deadlines of every organization they belong to, and only those", async () => {
    const client = await createTeam();
    const stranger = await createTeam();
    const clientSku = await createSku(client.ctx.owner, sku(`DL-CLIENT-${Date.now()}`, "8525.89.10"));
    const strangerSku = await createSku(stranger.ctx.owner, sku(`DL-STRANGER-${Date.now()}`, "8525.89.10"));
    await tenantDb(client.organization.id).membership.create({ data: { organizationId: client.organization.id, userId: team.users.viewer.id, role: "viewer" } });
    const portfolio = await getPortfolioDeadlines(team.users.viewer, { today: "2027-06-05", limit: 200 });
    const skuIds = portfolio.deadlines.map((d) => d.sku.id);
    expect(skuIds).toEqual(expect.arrayContaining([onMarket.id, clientSku.id]));
    expect(skuIds).not.toContain(strangerSku.id);
    expect(skuIds).not.toContain(declared.id);
    expect(portfolio.deadlines.find((d) => d.sku.id === clientSku.id)?.organization.slug).toBe(client.organization.slug);
  });
});
