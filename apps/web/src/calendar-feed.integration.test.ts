// The calendar feed as a calendar app sees it: the settings actions hand out a URL once, the route
// answers it with iCalendar (parsed back with ical.js) without any session, and a rotated, revoked or
// former member's URL answers a bare 404. Only the session lookup and cache revalidation are replaced.
import { parseRiskList } from "@hopquy/catalog";
import { PUBLISHED_RISK_LIST_YAML } from "@hopquy/catalog/testing/risk-list-fixtures";
import { applyRiskListPublication, createSku, publishRiskList, resolveTenantContext } from "@hopquy/core";
import { loadShippedReferenceData } from "@hopquy/core/catalog/load-shipped-reference-data";
import { platformDb, tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/auth/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/auth/session", () => ({ getSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

type Row = { id: string; email: string; name: string };
const asUser = (row: Row, locale: "vi" | "en" = "vi"): SessionUser => ({ id: row.id, email: row.email, name: row.name, locale, isPlatformAdmin: false, disabledAt: null, sessionVersion: 0 });

const world = {} as {
  owner: SessionUser;
  viewer: SessionUser;
  viewerMembershipId: string;
  orgA: { id: string; slug: string; name: string };
  orgB: { id: string; slug: string; name: string };
  bOwner: SessionUser;
  aSkuId: string;
  aModel: string;
  bSkuId: string;
};

async function createFeed(user: SessionUser, orgSlug: string): Promise<string> {
  const { createOrRotateCalendarFeedAction } = await import("@/features/calendar-feed/actions");
  session.current = user;
  const result = await createOrRotateCalendarFeedAction(orgSlug, {});
  session.current = null;
  if (!result.ok) throw new Error(`could not create the feed: ${result.error.code}`);
  expect(result.data.feedPath).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return result.data.feedPath;
}

// What a calendar app does: GET the URL, no cookies.
async function fetchFeed(feedPath: string, headers: Record<string, string> = {}) {
  const { GET } = await import("@/app/api/calendar/[token]/route");
  const token = decodeURIComponent(feedPath.split("/").pop()!);
  return GET(new Request(`http://test.local${feedPath}`, { headers }), { params: Promise.resolve({ token }) });
}

async function eventsOf(response: Response) {
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

beforeAll(async () => {
  await loadShippedReferenceData();
  // The list in force is global: publish this file's own revision and assert on this file's SKUs.
  const parsed = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { riskList } = await publishRiskList(parsed.value, { origin: "imported", fileName: "calendar-route-test.yaml" });
  const [ownerRow, viewerRow, bOwnerRow] = [await createTestUser(), await createTestUser(), await createTestUser()];
  const orgA = await createTestOrganization({ ownerId: ownerRow.id, members: [{ userId: viewerRow.id, role: "viewer" }] });
  const orgB = await createTestOrganization({ ownerId: bOwnerRow.id });
  world.owner = asUser(ownerRow);
  world.viewer = asUser(viewerRow);
  world.bOwner = asUser(bOwnerRow);
  world.orgA = orgA;
  world.orgB = orgB;
  world.viewerMembershipId = (await tenantDb(orgA.id).membership.findFirstOrThrow({ where: { userId: viewerRow.id } })).id;
  world.aModel = `CAL-ROUTE-A-${Date.now()}`;
  const aCtx = await resolveTenantContext(world.owner, orgA.slug);
  const bCtx = await resolveTenantContext(world.bOwner, orgB.slug);
  world.aSkuId = (await createSku(aCtx, { modelCode: world.aModel, brand: "A", manufacturer: "A Co", countryOfOrigin: "VN", hsCode: "8525.89.10" })).id;
  world.bSkuId = (await createSku(bCtx, { modelCode: `CAL-ROUTE-B-${Date.now()}`, brand: "B", manufacturer: "B Co", countryOfOrigin: "VN", hsCode: "8525.89.10" })).id;
  await applyRiskListPublication({ riskListId: riskList.id });
});

describe("GET /api/calendar/<token>.ics", () => {
  it("serves the organization's deadlines as iCalendar to a client without a session", async () => {
    const feedPath = await createFeed(world.owner, world.orgA.slug);
    const response = await fetchFeed(feedPath, { "x-forwarded-proto": "https", "x-forwarded-host": "hopquy.example" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await response.clone().text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const events = await eventsOf(response);
    const declaration = events.find((e) => e.uid === `${world.aSkuId}-declaration@hopquy`);
    expect(declaration).toBeDefined();
    expect(declaration!.startDate.isDate).toBe(true);
    expect(declaration!.startDate.toString()).toBe("2027-06-30");
    expect(declaration!.summary).toBe(`Công bố hợp quy: ${world.aModel}`);
    // Links point at the host the calendar app used, behind the proxy.
    expect(declaration!.description).toContain(`https://hopquy.example/${world.orgA.slug}/skus/${world.aSkuId}`);
    // The shared regulatory dates are in every feed; B's SKU is in none of A's.
    expect(events.some((e) => e.uid === "regulatory-circular-21-2024-issued@hopquy")).toBe(true);
    expect(events.some((e) => e.uid.startsWith(world.bSkuId))).toBe(false);
    expect(text).not.toContain(world.bSkuId);
  });

  it("accepts the token with or without .ics, and speaks the user's saved language", async () => {
    await platformDb().user.update({ where: { id: world.viewer.id }, data: { locale: "en" } });
    const feedPath = await createFeed(world.viewer, world.orgA.slug);
    for (const path of [feedPath, feedPath.replace(/\.ics$/, "")]) {
      const response = await fetchFeed(path);
      expect(response.status).toBe(200);
      const declaration = (await eventsOf(response)).find((e) => e.uid === `${world.aSkuId}-declaration@hopquy`);
      expect(declaration!.summary).toBe(`Declaration of conformity: ${world.aModel}`);
      expect(declaration!.description).toContain(`http://test.local/${world.orgA.slug}/skus/${world.aSkuId}`);
    }
    await platformDb().user.update({ where: { id: world.viewer.id }, data: { locale: "vi" } });
  });

  it("stops answering the old URL as soon as the feed is rotated", async () => {
    const oldPath = await createFeed(world.bOwner, world.orgB.slug);
    expect((await fetchFeed(oldPath)).status).toBe(200);
    const newPath = await createFeed(world.bOwner, world.orgB.slug);
    expect(newPath).not.toBe(oldPath);
    const old = await fetchFeed(oldPath);
    expect(old.status).toBe(404);
    expect(await old.text()).toBe("Not found\n");
    const fresh = await fetchFeed(newPath);
    expect(fresh.status).toBe(200);
    const uids = (await eventsOf(fresh)).map((e) => e.uid);
    expect(uids).toContain(`${world.bSkuId}-declaration@hopquy`);
    expect(uids.some((uid) => uid.startsWith(world.aSkuId))).toBe(false);
  });

  it("stops answering once the feed is revoked", async () => {
    const { revokeCalendarFeedAction } = await import("@/features/calendar-feed/actions");
    const user = asUser(await createTestUser());
    await tenantDb(world.orgA.id).membership.create({ data: { organizationId: world.orgA.id, userId: user.id, role: "contributor" } });
    const feedPath = await createFeed(user, world.orgA.slug);
    expect((await fetchFeed(feedPath)).status).toBe(200);
    session.current = user;
    expect(await revokeCalendarFeedAction(world.orgA.slug, {})).toEqual({ ok: true, data: null });
    expect(await revokeCalendarFeedAction(world.orgA.slug, {})).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    session.current = null;
    expect((await fetchFeed(feedPath)).status).toBe(404);
  });

  it("answers 404 for a removed member's URL", async () => {
    const { removeMemberAction } = await import("@/features/members/actions");
    const feedPath = await createFeed(world.viewer, world.orgA.slug);
    expect((await fetchFeed(feedPath)).status).toBe(200);
    session.current = world.owner;
    expect(await removeMemberAction(world.orgA.slug, { membershipId: world.viewerMembershipId })).toEqual({ ok: true, data: null });
    session.current = null;
    const response = await fetchFeed(feedPath);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found\n");
  });

  it("requires a signed-in member to create a feed", async () => {
    const { createOrRotateCalendarFeedAction } = await import("@/features/calendar-feed/actions");
    session.current = null;
    expect(await createOrRotateCalendarFeedAction(world.orgA.slug, {})).toEqual({ ok: false, error: { code: "UNAUTHENTICATED" } });
    session.current = world.bOwner;
    expect(await createOrRotateCalendarFeedAction(world.orgA.slug, {})).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    session.current = null;
  });
});
