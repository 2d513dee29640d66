// The per-user calendar feed: a secret token (only its hash stored) that rotation replaces at once,
// read without a session through one named cross-tenant lookup and only while the user is an
// enabled member; each organization's feed shows its own deadlines and the shared regulatory dates.
import { parseRiskList } from "@hopquy/catalog";
import { PUBLISHED_RISK_LIST_YAML } from "@hopquy/catalog/testing/risk-list-fixtures";
import { findCalendarFeedByTokenHash, platformDb, tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { loadShippedReferenceData } from "../catalog/load-shipped-reference-data";
import { removeMember } from "../members/remove-member";
import { applyRiskListPublication } from "../risk-lists/apply-risk-list-publication";
import { publishRiskList } from "../risk-lists/publish-risk-list";
import { createSku } from "../skus/create-sku";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { CALENDAR_FEED_ACTIONS } from "./calendar-feed-audit";
import { hashCalendarFeedToken } from "./calendar-feed-token";
import { createOrRotateCalendarFeed } from "./create-or-rotate-calendar-feed";
import { getCalendarFeedStatus } from "./get-calendar-feed-status";
import { openCalendarFeed } from "./open-calendar-feed";
import { revokeCalendarFeed } from "./revoke-calendar-feed";

let a: TestTeam;
let b: TestTeam;
const skus = {} as { aListed: string; aUnlisted: string; bListed: string };

const skuInput = (modelCode: string, hsCode?: string) => ({ modelCode, brand: "Test", manufacturer: "Test Co", countryOfOrigin: "VN", hsCode });
const uidsOf = (feed: Awaited<ReturnType<typeof openCalendarFeed>>) => feed.deadlines.map((d) => `${d.sku.id}-${d.obligationKey}`);

beforeAll(async () => {
  await loadShippedReferenceData();
  // The list in force is platform data shared by every test file: this file publishes its own
  // revision (8525.89 → medium: declaration due 180 days after 2027-01-01) and asserts on its own SKUs.
  const parsed = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { riskList } = await publishRiskList(parsed.value, { origin: "imported", fileName: "calendar-feed-test.yaml" });
  [a, b] = await Promise.all([createTeam(), createTeam()]);
  skus.aListed = (await createSku(a.ctx.owner, skuInput(`CAL-A-${Date.now()}`, "8525.89.10"))).id;
  skus.aUnlisted = (await createSku(a.ctx.owner, skuInput(`CAL-A-OTHER-${Date.now()}`, "8471.30"))).id;
  skus.bListed = (await createSku(b.ctx.owner, skuInput(`CAL-B-${Date.now()}`, "8525.89.10"))).id;
  await applyRiskListPublication({ riskListId: riskList.id });
});

describe("creating and rotating a feed", () => {
  it("returns a 256-bit token once, stores only its sha256, and audits without the secret", async () => {
    const ctx = a.ctx.manager;
    expect(await getCalendarFeedStatus(ctx)).toEqual({ active: false, createdAt: null, rotatedAt: null });
    const created = await createOrRotateCalendarFeed(ctx);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.rotated).toBe(false);
    const row = await tenantDb(a.organization.id).calendarFeed.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: a.organization.id, userId: ctx.userId } } });
    expect(row.tokenHash).toBe(hashCalendarFeedToken(created.token));
    expect(row.tokenHash).not.toContain(created.token);
    expect(await getCalendarFeedStatus(ctx)).toEqual({ active: true, createdAt: row.createdAt, rotatedAt: row.rotatedAt });

    const events = (await auditEventsOf(a.organization.id)).filter((e) => e.targetId === row.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([[CALENDAR_FEED_ACTIONS.created, ctx.userId]]);
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(JSON.stringify(events)).not.toContain(row.tokenHash);
  });

  it("rotation makes the old token unknown at once and the new one opens the feed with the SKU's deadline", async () => {
    const ctx = a.ctx.contributor;
    const first = await createOrRotateCalendarFeed(ctx);
    expect(uidsOf(await openCalendarFeed(first.token))).toContain(`${skus.aListed}-declaration`);
    const second = await createOrRotateCalendarFeed(ctx);
    expect(second.rotated).toBe(true);
    expect(second.token).not.toBe(first.token);
    await expectAppError(openCalendarFeed(first.token), "NOT_FOUND");
    expect(await findCalendarFeedByTokenHash(hashCalendarFeedToken(first.token))).toBeNull();

    const feed = await openCalendarFeed(second.token);
    const declaration = feed.deadlines.find((d) => d.sku.id === skus.aListed && d.obligationKey === "declaration");
    expect(declaration).toMatchObject({ kind: "declaration", dueDate: "2027-06-30" });
    expect(["upcoming", "due_soon", "overdue"]).toContain(declaration!.state);
    expect(feed.organization).toEqual({ id: a.organization.id, slug: a.organization.slug, name: a.organization.name });
    expect(feed.user).toEqual({ id: ctx.userId, locale: "vi" });
    // One row per user and organization; the audit trail says created, then rotated.
    expect(await tenantDb(a.organization.id).calendarFeed.count({ where: { userId: ctx.userId } })).toBe(1);
    const actions = (await auditEventsOf(a.organization.id)).filter((e) => e.actorId === ctx.userId && e.targetType === "calendar_feed").map((e) => e.action);
    expect(actions).toEqual([CALENDAR_FEED_ACTIONS.created, CALENDAR_FEED_ACTIONS.rotated]);
  });

  it("two rotations at once leave one working token", async () => {
    const ctx = a.ctx.viewer;
    const results = await Promise.all([createOrRotateCalendarFeed(ctx), createOrRotateCalendarFeed(ctx)]);
    const opened = await Promise.allSettled(results.map((r) => openCalendarFeed(r.token)));
    expect(opened.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(results.map((r) => r.rotated).sort()).toEqual([false, true]);
  });
});

describe("what a feed contains", () => {
  it("lists only the organization's dated open obligations, never another organization's", async () => {
    const [tokenA, tokenB] = await Promise.all([createOrRotateCalendarFeed(a.ctx.owner), createOrRotateCalendarFeed(b.ctx.owner)]);
    const feedA = await openCalendarFeed(tokenA.token);
    const feedB = await openCalendarFeed(tokenB.token);
    expect(uidsOf(feedA)).toContain(`${skus.aListed}-declaration`);
    expect(uidsOf(feedB)).toEqual([`${skus.bListed}-declaration`]);
    expect(feedA.deadlines.map((d) => d.sku.id)).not.toContain(skus.bListed);
    expect(feedB.organization.id).toBe(b.organization.id);
    // The unlisted SKU has no dated obligation (not classified → TBD): no event.
    expect(feedA.deadlines.map((d) => d.sku.id)).not.toContain(skus.aUnlisted);
    for (const d of [...feedA.deadlines, ...feedB.deadlines]) {
      expect(d.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["upcoming", "due_soon", "overdue"]).toContain(d.state);
    }
  });

  it("adds the dated events of the newest regulatory timeline revision, not the TBD ones", async () => {
    const { token } = await createOrRotateCalendarFeed(b.ctx.viewer);
    const feed = await openCalendarFeed(token);
    const keys = feed.regulatoryDates.map((r) => r.eventKey);
    const newest = await platformDb().regulatoryTimeline.findFirstOrThrow({ where: { key: "vn-ip-camera-regulatory-timeline" }, orderBy: { revision: "desc" } });
    const dated = await platformDb().regulatoryEvent.findMany({ where: { timelineId: newest.id, date: { not: null } }, orderBy: [{ date: "asc" }, { eventKey: "asc" }] });
    expect(keys).toEqual(dated.map((e) => e.eventKey));
    expect(keys).toContain("circular-21-2024-issued");
    expect(keys).not.toContain("mps-camera-risk-list");
    expect(feed.regulatoryDates.find((r) => r.eventKey === "circular-21-2024-issued")).toMatchObject({ date: "2024-12-31", instrument: "Circular 21/2024/TT-BTTTT" });
  });

  it("uses the user's saved language", async () => {
    const user = await createTestUser();
    await tenantDb(a.organization.id).membership.create({ data: { organizationId: a.organization.id, userId: user.id, role: "viewer" } });
    await platformDb().user.update({ where: { id: user.id }, data: { locale: "en" } });
    const ctx = { ...a.ctx.viewer, userId: user.id, userEmail: user.email };
    const feed = await openCalendarFeed((await createOrRotateCalendarFeed(ctx)).token);
    expect(feed.user.locale).toBe("en");
  });
});

describe("when a feed stops working", () => {
  it("revoking deletes it: the token is unknown, a second revoke is NOT_FOUND", async () => {
    const team = await createTeam();
    const { token } = await createOrRotateCalendarFeed(team.ctx.contributor);
    const result = await revokeCalendarFeed(team.ctx.contributor);
    expect(result).toEqual({ revoked: true });
    await expectAppError(openCalendarFeed(token), "NOT_FOUND");
    expect(await getCalendarFeedStatus(team.ctx.contributor)).toMatchObject({ active: false });
    await expectAppError(revokeCalendarFeed(team.ctx.contributor), "NOT_FOUND");
    expect((await auditEventsOf(team.organization.id)).filter((e) => e.targetType === "calendar_feed").map((e) => e.action)).toEqual([
      CALENDAR_FEED_ACTIONS.created,
      CALENDAR_FEED_ACTIONS.revoked,
    ]);
  });

  it("a removed member's token is unknown, and re-inviting them does not revive it", async () => {
    const team = await createTeam();
    const { token } = await createOrRotateCalendarFeed(team.ctx.viewer);
    await openCalendarFeed(token);
    const membership = await tenantDb(team.organization.id).membership.findFirstOrThrow({ where: { userId: team.users.viewer.id } });
    await removeMember(team.ctx.owner, { membershipId: membership.id });
    await expectAppError(openCalendarFeed(token), "NOT_FOUND");
    await tenantDb(team.organization.id).membership.create({ data: { organizationId: team.organization.id, userId: team.users.viewer.id, role: "viewer" } });
    await expectAppError(openCalendarFeed(token), "NOT_FOUND");
  });

  it("a membership gone without removeMember (or a disabled user) is still refused", async () => {
    const team = await createTeam();
    const feeds = {
      contributor: (await createOrRotateCalendarFeed(team.ctx.contributor)).token,
      manager: (await createOrRotateCalendarFeed(team.ctx.manager)).token,
    };
    await tenantDb(team.organization.id).membership.deleteMany({ where: { userId: team.users.contributor.id } });
    await expectAppError(openCalendarFeed(feeds.contributor), "NOT_FOUND");
    await platformDb().user.update({ where: { id: team.users.manager.id }, data: { disabledAt: new Date() } });
    await expectAppError(openCalendarFeed(feeds.manager), "NOT_FOUND");
    await platformDb().user.update({ where: { id: team.users.manager.id }, data: { disabledAt: null } });
    expect((await openCalendarFeed(feeds.manager)).organization.id).toBe(team.organization.id);
  });

  it("malformed and unknown tokens are NOT_FOUND", async () => {
    for (const token of ["", "short", "x".repeat(43), "../../etc/passwd", `${"A".repeat(42)}=`]) await expectAppError(openCalendarFeed(token), "NOT_FOUND");
  });
});
