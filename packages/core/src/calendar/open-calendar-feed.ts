import type { ObligationKind, ObligationReason } from "@hopquy/compliance";
import { findCalendarFeedByTokenHash, tenantDb } from "@hopquy/db";
import { isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { computeOrganizationDeadlines } from "../deadlines/list-organization-deadlines";
import { notFound } from "../errors";
import { can } from "../permissions";
import { calendarFeedTokenSchema, hashCalendarFeedToken } from "./calendar-feed-token";
import { listRegulatoryDates, type RegulatoryDate } from "./list-regulatory-dates";

export interface CalendarDeadline {
  sku: { id: string; modelCode: string; hardwareRevision: string; brand: string };
  obligationKey: string;
  kind: ObligationKind;
  dueDate: string;
  state: "upcoming" | "due_soon" | "overdue";
  daysLeft: number | null;
  reasons: ObligationReason[];
}

export interface CalendarFeedContent {
  organization: { id: string; slug: string; name: string };
  user: { id: string; locale: "vi" | "en" };
  today: string;
  deadlines: CalendarDeadline[];
  regulatoryDates: RegulatoryDate[];
}

const OPEN_STATES = new Set(["upcoming", "due_soon", "overdue"]);

// What a calendar app gets for a feed URL, with no session: the token (by its hash, through the one
// named cross-tenant query) leads to a user and an organization, and the feed exists only while that
// user is an enabled member who may read SKUs. Every other case is the same "not found".
export async function openCalendarFeed(token: string, today: string = isoToday()): Promise<CalendarFeedContent> {
  const parsed = calendarFeedTokenSchema.safeParse(token);
  if (!parsed.success) throw notFound("Calendar feed");
  const feed = await findCalendarFeedByTokenHash(hashCalendarFeedToken(parsed.data));
  if (!feed) throw notFound("Calendar feed");
  const db = tenantDb(feed.organizationId);
  const [membership, organization] = await Promise.all([
    db.membership.findUnique({
      where: { organizationId_userId: { organizationId: feed.organizationId, userId: feed.userId } },
      select: { role: true, user: { select: { email: true, locale: true, disabledAt: true } } },
    }),
    db.organization.findUniqueOrThrow({ where: { id: feed.organizationId }, select: { id: true, slug: true, name: true } }),
  ]);
  if (!membership || membership.user.disabledAt) throw notFound("Calendar feed");
  const ctx: TenantContext = {
    organizationId: feed.organizationId,
    organizationSlug: organization.slug,
    userId: feed.userId,
    userEmail: membership.user.email,
    role: membership.role,
  };
  if (!can(ctx, "sku:read")) throw notFound("Calendar feed");

  const [{ deadlines }, regulatoryDates] = await Promise.all([computeOrganizationDeadlines(ctx.organizationId, today), listRegulatoryDates()]);
  return {
    organization,
    user: { id: feed.userId, locale: membership.user.locale },
    today,
    // Only what still has to be done by a known day: TBD, met and not-required obligations are no events.
    deadlines: deadlines.flatMap(({ sku, obligation: o }) =>
      o.dueDate !== null && o.required !== "no" && OPEN_STATES.has(o.state)
        ? [{
            sku: { id: sku.id, modelCode: sku.modelCode, hardwareRevision: sku.hardwareRevision, brand: sku.brand },
            obligationKey: o.key,
            kind: o.kind,
            dueDate: o.dueDate,
            state: o.state as CalendarDeadline["state"],
            daysLeft: o.daysLeft,
            reasons: o.reasons,
          }]
        : [],
    ),
    regulatoryDates,
  };
}
