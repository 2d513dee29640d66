import { lockOrganization, tenantDb } from "@hopquy/db";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { CALENDAR_FEED_ACTIONS, CALENDAR_FEED_TARGET } from "./calendar-feed-audit";

// Deletes the caller's feed: its URL answers 404 from the moment this commits.
export async function revokeCalendarFeed(ctx: TenantContext) {
  assertCan(ctx, "sku:read");
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    await lockOrganization(tx, ctx.organizationId);
    const feed = await tx.calendarFeed.findUnique({
      where: { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } },
      select: { id: true, createdAt: true, rotatedAt: true },
    });
    if (!feed) throw notFound("Calendar feed");
    await tx.calendarFeed.delete({ where: { id: feed.id } });
    await appendAuditEvent(tx, ctx, {
      action: CALENDAR_FEED_ACTIONS.revoked,
      targetType: CALENDAR_FEED_TARGET,
      targetId: feed.id,
      before: { userId: ctx.userId, email: ctx.userEmail, createdAt: feed.createdAt.toISOString(), rotatedAt: feed.rotatedAt.toISOString() },
    });
    return { revoked: true };
  });
}
