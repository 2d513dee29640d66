import { lockOrganization, tenantDb } from "@hopquy/db";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { CALENDAR_FEED_ACTIONS, CALENDAR_FEED_TARGET } from "./calendar-feed-audit";
import { newCalendarFeedToken } from "./calendar-feed-token";

// One feed per user and organization. A new token replaces the stored hash in the same statement, so
// the previous URL stops working as soon as this commits. The token is returned once, to its owner.
export async function createOrRotateCalendarFeed(ctx: TenantContext) {
  assertCan(ctx, "sku:read");
  const { token, tokenHash } = newCalendarFeedToken();
  const key = { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } };
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    // Two clicks at once: the second waits and then rotates, instead of failing on the unique key.
    await lockOrganization(tx, ctx.organizationId);
    const existing = await tx.calendarFeed.findUnique({ where: key, select: { id: true } });
    const now = new Date();
    const feed = await tx.calendarFeed.upsert({
      where: key,
      create: { organizationId: ctx.organizationId, userId: ctx.userId, tokenHash, createdAt: now, rotatedAt: now },
      update: { tokenHash, rotatedAt: now },
    });
    await appendAuditEvent(tx, ctx, {
      action: existing ? CALENDAR_FEED_ACTIONS.rotated : CALENDAR_FEED_ACTIONS.created,
      targetType: CALENDAR_FEED_TARGET,
      targetId: feed.id,
      after: { userId: ctx.userId, email: ctx.userEmail },
    });
    return { token, rotated: Boolean(existing), createdAt: feed.createdAt, rotatedAt: feed.rotatedAt };
  });
}
