import { addDays } from "@hopquy/compliance";
import { platformDb, tenantDb } from "@hopquy/db";
import { countDatabaseQueries } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { isoToday } from "../assessments/today";
import type { TargetCatalog } from "../assessments/target-catalog";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import type { TenantContext } from "../context";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, type TestTeam } from "../testing/fixtures";
import { createTempBlobStore, ensureTargetCatalog, pdfBytes, streamOf } from "../testing/evidence-fixtures";
import { createEvidence, updateEvidence } from "./create-evidence";
import { uploadEvidenceRevision } from "./evidence-files";
import { linkEvidenceToClause, linkEvidenceToSku } from "./link-evidence";
import { reopenEvidence, reviewEvidence, submitEvidence } from "./review-evidence";
import { sweepEvidenceExpiry, sweepOrganizationEvidenceExpiry, SYSTEM_ACTOR_EMAIL } from "./sweep-evidence-expiry";

// The sweep looks at every organization of the (shared) test database: each test creates its own
// organizations and asserts on their rows only.
const store = createTempBlobStore();
let target: TargetCatalog;

beforeAll(async () => {
  target = await ensureTargetCatalog();
});

function notificationsOf(organizationId: string) {
  return tenantDb(organizationId).notification.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

// Which thresholds each user has been reminded of, e.g. { owner: [30, 7], manager: [30, 7] }.
async function remindersByRole(team: TestTeam, evidenceId: string) {
  const rows = (await notificationsOf(team.organization.id)).filter((n) => n.kind === "evidence.expiring" && (n.payload as { evidenceId: string }).evidenceId === evidenceId);
  const result: Record<string, number[]> = {};
  for (const [role, user] of Object.entries(team.users)) {
    const mine = rows.filter((n) => n.userId === user.id).map((n) => (n.payload as { threshold: number }).threshold);
    if (mine.length) result[role] = mine;
  }
  return result;
}

const statement = (ctx: TenantContext, title: string, expiryDate: string) =>
  createEvidence(ctx, { kind: "statement", title, statementText: "The device has no default password.", expiryDate });

async function acceptedStatement(team: TestTeam, title: string, expiryDate: string) {
  const evidence = await statement(team.ctx.contributor, title, expiryDate);
  await submitEvidence(team.ctx.contributor, { evidenceId: evidence.id });
  await reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "accept" });
  return evidence;
}

describe("sweepEvidenceExpiry", () => {
  it("reminds owners and managers 30, 7 and 1 days ahead, each threshold once", async () => {
    const team = await createTeam();
    const expiry = "2031-03-31";
    const evidence = await acceptedStatement(team, "Penetration test 2030", expiry);
    const sweepAt = async (daysBefore: number) => {
      await sweepEvidenceExpiry({ today: addDays(expiry, -daysBefore) });
      return remindersByRole(team, evidence.id);
    };

    expect(await sweepAt(31)).toEqual({});
    expect(await sweepAt(30)).toEqual({ owner: [30], manager: [30] });
    expect(await sweepAt(29)).toEqual({ owner: [30], manager: [30] });
    expect(await sweepAt(8)).toEqual({ owner: [30], manager: [30] });
    expect(await sweepAt(7)).toEqual({ owner: [30, 7], manager: [30, 7] });
    expect(await sweepAt(6)).toEqual({ owner: [30, 7], manager: [30, 7] });
    expect(await sweepAt(1)).toEqual({ owner: [30, 7, 1], manager: [30, 7, 1] });
    expect(await sweepAt(0)).toEqual({ owner: [30, 7, 1], manager: [30, 7, 1] });

    const [first] = await notificationsOf(team.organization.id);
    expect(first).toMatchObject({
      userId: expect.any(String),
      kind: "evidence.expiring",
      dedupeKey: `evidence-expiry:${evidence.id}:${expiry}:30`,
      payload: { evidenceId: evidence.id, title: "Penetration test 2030", expiryDate: expiry, daysLeft: 30, threshold: 30 },
      readAt: null,
    });
    // Still valid on its expiry date: nothing is marked until the day after.
    expect((await tenantDb(team.organization.id).evidence.findUniqueOrThrow({ where: { id: evidence.id } })).expiredAt).toBeNull();
  });

  it("after missed days sends only the tightest threshold reached, and never a wider one after a tighter one", async () => {
    const team = await createTeam();
    const expiry = "2031-06-30";
    const late = await acceptedStatement(team, "First seen 5 days out", expiry);
    const lastDay = await statement(team.ctx.contributor, "First seen on its expiry date", "2031-06-25");

    await sweepEvidenceExpiry({ today: "2031-06-25" });
    expect(await remindersByRole(team, late.id)).toEqual({ owner: [7], manager: [7] });
    // A draft counts as work in progress: it is reminded too. On its last valid day the 1-day reminder still goes out.
    expect(await remindersByRole(team, lastDay.id)).toEqual({ owner: [1], manager: [1] });
    const dayZero = (await notificationsOf(team.organization.id)).find((n) => (n.payload as { evidenceId: string }).evidenceId === lastDay.id);
    expect(dayZero?.payload).toMatchObject({ daysLeft: 0, threshold: 1 });

    // Re-run for an earlier day (e.g. by hand): the 30-day reminder is not sent after the 7-day one.
    await sweepEvidenceExpiry({ today: "2031-06-05" });
    expect(await remindersByRole(team, late.id)).toEqual({ owner: [7], manager: [7] });
    // Missed the 1-day reminder: still reminded on the expiry date itself.
    await sweepEvidenceExpiry({ today: expiry });
    expect(await remindersByRole(team, late.id)).toEqual({ owner: [7, 1], manager: [7, 1] });
  });

  it("is idempotent: running twice for the same day adds nothing", async () => {
    const team = await createTeam();
    await acceptedStatement(team, "Expiring soon", "2031-09-07");
    await acceptedStatement(team, "Already expired", "2031-08-30");
    await sweepEvidenceExpiry({ today: "2031-08-31" });
    const [notifications, audit, evidence] = await Promise.all([
      notificationsOf(team.organization.id),
      auditEventsOf(team.organization.id),
      tenantDb(team.organization.id).evidence.findMany({ orderBy: { id: "asc" } }),
    ]);
    expect(notifications.map((n) => n.kind).sort()).toEqual(["evidence.expired", "evidence.expired", "evidence.expiring", "evidence.expiring"]);

    const again = await sweepEvidenceExpiry({ today: "2031-08-31" });
    // Every organization of the database was already swept for that day.
    expect(again).toMatchObject({ today: "2031-08-31", expiredMarked: 0, remindersCreated: 0 });
    expect(await notificationsOf(team.organization.id)).toEqual(notifications);
    expect(await auditEventsOf(team.organization.id)).toEqual(audit);
    expect(await tenantDb(team.organization.id).evidence.findMany({ orderBy: { id: "asc" } })).toEqual(evidence);
  });

  it("notifies only the owners and managers of the evidence's own organization", async () => {
    const [a, b] = [await createTeam(), await createTeam()];
    // B's owner is also a viewer in A: a viewer there, so nothing about A's evidence reaches them.
    await tenantDb(a.organization.id).membership.create({ data: { organizationId: a.organization.id, userId: b.users.owner.id, role: "viewer" } });
    // A disabled manager cannot sign in to read anything.
    const disabled = await createTeam();
    await tenantDb(a.organization.id).membership.create({ data: { organizationId: a.organization.id, userId: disabled.users.manager.id, role: "manager" } });
    await platformDb().user.update({ where: { id: disabled.users.manager.id }, data: { disabledAt: new Date() } });
    const evidence = await acceptedStatement(a, "A's certificate", "2031-10-10");

    await sweepEvidenceExpiry({ today: "2031-10-03" });
    const rows = await notificationsOf(a.organization.id);
    expect(rows.map((n) => n.userId).sort()).toEqual([a.users.owner.id, a.users.manager.id].sort());
    expect(rows.every((n) => (n.payload as { evidenceId: string }).evidenceId === evidence.id)).toBe(true);
    expect(await notificationsOf(b.organization.id)).toEqual([]);
    expect(await tenantDb(a.organization.id).notification.count({ where: { userId: { in: [b.users.owner.id, disabled.users.manager.id, a.users.viewer.id, a.users.contributor.id] } } })).toBe(0);
  });

  it("marks expired evidence, audits it as the system, notifies, and the derived assessment stops being covered", async () => {
    const team = await createTeam();
    const sku = await createSku(team.ctx.owner, { modelCode: "HC-EXP-1", brand: "HopCam", manufacturer: "HopCam Co", countryOfOrigin: "VN" });
    const clause = target.clauses[0]!;
    // Accepted while still valid by the real calendar, so it covers the clause today.
    const expiry = addDays(isoToday(), 3);
    const report = await createEvidence(team.ctx.contributor, { kind: "lab_test_report", title: "Lab report", expiryDate: expiry });
    await uploadEvidenceRevision(team.ctx.contributor, store, { evidenceId: report.id, fileName: "report.pdf", stream: streamOf(pdfBytes()) });
    await linkEvidenceToClause(team.ctx.contributor, { evidenceId: report.id, clauseId: clause.id });
    await linkEvidenceToSku(team.ctx.contributor, { evidenceId: report.id, skuId: sku.id });
    await submitEvidence(team.ctx.contributor, { evidenceId: report.id });
    await reviewEvidence(team.ctx.owner, { evidenceId: report.id, decision: "accept" });
    const assessment = () => tenantDb(team.organization.id).assessment.findFirstOrThrow({ where: { skuId: sku.id, clauseId: clause.id, current: true } });
    expect((await assessment()).status).toBe("covered");

    const dayAfter = addDays(expiry, 1);
    const summary = await sweepEvidenceExpiry({ today: dayAfter });
    expect(summary.expiredMarked).toBeGreaterThanOrEqual(1);
    expect(summary.today).toBe(dayAfter);

    const stored = await tenantDb(team.organization.id).evidence.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored.expiredAt).toBeInstanceOf(Date);
    expect(stored.reviewState).toBe("accepted");
    expect(await assessment()).toMatchObject({ status: "not_started", origin: "derived" });
    expect(JSON.stringify((await assessment()).explanation)).toContain("expired");

    const expiredEvents = (await auditEventsOf(team.organization.id)).filter((e) => e.action === "evidence.expired");
    expect(expiredEvents).toEqual([
      expect.objectContaining({ actorId: null, actorEmail: SYSTEM_ACTOR_EMAIL, targetType: "evidence", targetId: report.id, after: { expiryDate: expiry, reviewState: "accepted" } }),
    ]);
    expect(await verifyAuditChain(team.ctx.owner)).toMatchObject({ intact: true });

    const expiredNotices = (await notificationsOf(team.organization.id)).filter((n) => n.kind === "evidence.expired");
    expect(expiredNotices.map((n) => n.userId).sort()).toEqual([team.users.owner.id, team.users.manager.id].sort());
    expect(expiredNotices[0]).toMatchObject({ dedupeKey: `evidence-expired:${report.id}:${expiry}`, payload: { evidenceId: report.id, title: "Lab report", expiryDate: expiry } });

    // The next day's run finds it already marked: no second audit event or notice.
    await sweepEvidenceExpiry({ today: addDays(expiry, 2) });
    expect((await auditEventsOf(team.organization.id)).filter((e) => e.action === "evidence.expired")).toHaveLength(1);
    expect((await notificationsOf(team.organization.id)).filter((n) => n.kind === "evidence.expired")).toHaveLength(2);
  });

  it("renewal: a new expiry date clears the mark and the reminders start over", async () => {
    const team = await createTeam();
    const evidence = await acceptedStatement(team, "Certificate", "2032-01-10");
    await sweepEvidenceExpiry({ today: "2032-01-09" });
    await sweepEvidenceExpiry({ today: "2032-01-11" });
    expect((await tenantDb(team.organization.id).evidence.findUniqueOrThrow({ where: { id: evidence.id } })).expiredAt).not.toBeNull();

    await reopenEvidence(team.ctx.contributor, { evidenceId: evidence.id });
    await updateEvidence(team.ctx.contributor, { evidenceId: evidence.id, kind: "statement", title: "Certificate", statementText: "Renewed.", expiryDate: "2033-01-10" });
    await sweepEvidenceExpiry({ today: "2032-12-20" });
    const renewed = await tenantDb(team.organization.id).evidence.findUniqueOrThrow({ where: { id: evidence.id } });
    expect(renewed.expiredAt).toBeNull();
    expect(await remindersByRole(team, evidence.id)).toEqual({ owner: [1, 30], manager: [1, 30] });
    const keys = (await notificationsOf(team.organization.id)).filter((n) => n.kind === "evidence.expiring").map((n) => n.dedupeKey);
    expect(keys).toContain(`evidence-expiry:${evidence.id}:2033-01-10:30`);
    const cleared = (await auditEventsOf(team.organization.id)).filter((e) => e.action === "evidence.expiry_cleared");
    expect(cleared).toEqual([expect.objectContaining({ actorEmail: SYSTEM_ACTOR_EMAIL, targetId: evidence.id, after: { expiryDate: "2033-01-10" } })]);
  });

  it("rejected evidence gets no reminders and no expiry notice (it is still marked once expired)", async () => {
    const team = await createTeam();
    const evidence = await statement(team.ctx.contributor, "Rejected statement", "2031-11-30");
    await submitEvidence(team.ctx.contributor, { evidenceId: evidence.id });
    await reviewEvidence(team.ctx.manager, { evidenceId: evidence.id, decision: "reject", comment: "Not signed" });
    for (const today of ["2031-10-31", "2031-11-23", "2031-11-29", "2031-11-30", "2031-12-01"]) await sweepEvidenceExpiry({ today });
    expect(await notificationsOf(team.organization.id)).toEqual([]);
    expect((await tenantDb(team.organization.id).evidence.findUniqueOrThrow({ where: { id: evidence.id } })).expiredAt).not.toBeNull();
  });

  it("refuses a malformed day", async () => {
    await expect(sweepEvidenceExpiry({ today: "2031-02-30" })).rejects.toBeInstanceOf(ZodError);
    await expect(sweepEvidenceExpiry({ today: "tomorrow" })).rejects.toBeInstanceOf(ZodError);
  });

  it("reports progress once per organization", async () => {
    const team = await createTeam();
    await acceptedStatement(team, "Progress", "2031-12-15");
    const calls: [number, number][] = [];
    const summary = await sweepEvidenceExpiry({ today: "2031-12-01", onProgress: (done, total) => void calls.push([done, total]) });
    expect(summary.organizations).toBeGreaterThanOrEqual(1);
    expect(calls).toHaveLength(summary.organizations);
    expect(calls.at(-1)).toEqual([summary.organizations, summary.organizations]);
  });

  it("uses a fixed number of queries per organization, whatever its amount of evidence", async () => {
    const seed = async (count: number) => {
      const team = await createTeam();
      const sku = await createSku(team.ctx.owner, { modelCode: `HC-Q-${count}`, brand: "B", manufacturer: "M", countryOfOrigin: "VN" });
      for (let i = 0; i < count; i += 1) {
        for (const expiry of ["2031-05-01", "2031-05-20"]) {
          const e = await acceptedStatement(team, `E${i} ${expiry}`, expiry);
          await linkEvidenceToClause(team.ctx.owner, { evidenceId: e.id, clauseId: target.clauses[i % target.clauses.length]!.id });
          await linkEvidenceToSku(team.ctx.owner, { evidenceId: e.id, skuId: sku.id });
        }
      }
      return team;
    };
    const [small, large] = [await seed(1), await seed(8)];
    const one = await countDatabaseQueries(() => sweepOrganizationEvidenceExpiry(small.organization.id, "2031-05-13"));
    const many = await countDatabaseQueries(() => sweepOrganizationEvidenceExpiry(large.organization.id, "2031-05-13"));
    expect(one.result).toMatchObject({ expiredMarked: 1, remindersCreated: 2, expiredNotificationsCreated: 2 });
    expect(many.result).toMatchObject({ expiredMarked: 8, remindersCreated: 16, expiredNotificationsCreated: 16 });
    expect(many.queries).toBe(one.queries);
    expect(one.queries).toBeLessThan(40);
    // Eight audit events appended in one batch still form an intact chain.
    expect((await auditEventsOf(large.organization.id)).filter((e) => e.action === "evidence.expired")).toHaveLength(8);
    expect(await verifyAuditChain(large.ctx.owner)).toMatchObject({ intact: true });
  });
});
