import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: Date | null;
  rotatedAt: Date | null;
}

// Whether the caller has a feed in this organization (the URL itself is shown only once, at creation).
export async function getCalendarFeedStatus(ctx: TenantContext): Promise<CalendarFeedStatus> {
  assertCan(ctx, "sku:read");
  const feed = await tenantDb(ctx.organizationId).calendarFeed.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } },
    select: { createdAt: true, rotatedAt: true },
  });
  return { active: Boolean(feed), createdAt: feed?.createdAt ?? null, rotatedAt: feed?.rotatedAt ?? null };
}
