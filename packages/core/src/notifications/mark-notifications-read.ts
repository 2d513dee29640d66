import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { markNotificationsReadInput } from "./notification-input";

// Only the caller's own unread rows change: ids of other people's notifications (or of another
// organization's) match nothing. Reading is personal state, so it is not audited.
export async function markNotificationsRead(ctx: TenantContext, rawInput: z.input<typeof markNotificationsReadInput>): Promise<{ marked: number }> {
  assertCan(ctx, "notification:read");
  const { ids, all } = markNotificationsReadInput.parse(rawInput);
  const { count } = await tenantDb(ctx.organizationId).notification.updateMany({
    where: { userId: ctx.userId, readAt: null, ...(all ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
