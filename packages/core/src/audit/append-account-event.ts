import { findMembershipsOfUser, tenantDb } from "@hopquy/db";
import { logger } from "../logger";
import type { AuditEventInput } from "./append-audit-event";
import { appendAuditEvent } from "./append-audit-event";

// Account-level changes (password reset or change) belong to no single organization: each
// organization the user is a member of records the event in its own chain, right after the change
// committed. A failure here is logged and does not undo the change.
export async function appendAccountEvent(user: { id: string; email: string }, event: AuditEventInput): Promise<number> {
  let recorded = 0;
  for (const membership of await findMembershipsOfUser(user.id)) {
    const organizationId = membership.organizationId;
    try {
      await tenantDb(organizationId).$transaction((tx) => appendAuditEvent(tx, { organizationId, userId: user.id, userEmail: user.email }, event));
      recorded += 1;
    } catch (err) {
      logger.error({ err, organizationId, userId: user.id, action: event.action }, "account audit event could not be recorded");
    }
  }
  return recorded;
}
