import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { listNotificationsInput } from "./notification-input";
import {
  catalogChangedPayloadSchema,
  deadlinePayloadSchema,
  evidenceExpiryPayloadSchema,
  riskListPublishedPayloadSchema,
  type CatalogChangedPayload,
  type DeadlinePayload,
  type EvidenceExpiryPayload,
  type RiskListPublishedPayload,
} from "./notification-kinds";

interface NotificationBase {
  id: string;
  createdAt: Date;
  readAt: Date | null;
}

// Discriminated by kind: each kind carries its own payload snapshot.
export type NotificationItem = NotificationBase &
  (
    | { kind: "evidence.expiring" | "evidence.expired"; evidence: EvidenceExpiryPayload }
    | { kind: "catalog.changed"; catalogChange: CatalogChangedPayload }
    | { kind: "risk-list.published"; riskList: RiskListPublishedPayload }
    | { kind: "deadline.due" | "deadline.overdue"; deadline: DeadlinePayload }
  );

// The caller's own notifications in this organization, newest first, keyset-paginated on
// (createdAt, id). The cursor is looked up among the caller's own rows, so another person's id
// (or another organization's) yields an empty page rather than a position in their list.
export async function listNotifications(ctx: TenantContext, rawInput: z.input<typeof listNotificationsInput> = {}) {
  assertCan(ctx, "notification:read");
  const { cursor, limit } = listNotificationsInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  let after = {};
  if (cursor) {
    const last = await db.notification.findFirst({ where: { id: cursor, userId: ctx.userId }, select: { id: true, createdAt: true } });
    if (!last) return { notifications: [] as NotificationItem[], nextCursor: undefined };
    after = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await db.notification.findMany({
    where: { userId: ctx.userId, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, payload: true, createdAt: true, readAt: true },
  });
  const page = rows.slice(0, limit);
  const notifications: NotificationItem[] = [];
  for (const row of page) {
    const item = toNotificationItem(row);
    if (item) notifications.push(item);
  }
  return { notifications, nextCursor: rows.length > limit ? page[page.length - 1]?.id : undefined };
}

export async function countUnreadNotifications(ctx: TenantContext): Promise<number> {
  assertCan(ctx, "notification:read");
  return tenantDb(ctx.organizationId).notification.count({ where: { userId: ctx.userId, readAt: null } });
}

// Rows of a kind this version does not know (or a malformed payload) are skipped, not shown raw.
function toNotificationItem(row: { id: string; kind: string; payload: unknown; createdAt: Date; readAt: Date | null }): NotificationItem | null {
  const base = { id: row.id, createdAt: row.createdAt, readAt: row.readAt };
  if (row.kind === "evidence.expiring" || row.kind === "evidence.expired") {
    const payload = evidenceExpiryPayloadSchema.safeParse(row.payload);
    return payload.success ? { ...base, kind: row.kind, evidence: payload.data } : null;
  }
  if (row.kind === "catalog.changed") {
    const payload = catalogChangedPayloadSchema.safeParse(row.payload);
    return payload.success ? { ...base, kind: row.kind, catalogChange: payload.data } : null;
  }
  if (row.kind === "risk-list.published") {
    const payload = riskListPublishedPayloadSchema.safeParse(row.payload);
    return payload.success ? { ...base, kind: row.kind, riskList: payload.data } : null;
  }
  if (row.kind === "deadline.due" || row.kind === "deadline.overdue") {
    const payload = deadlinePayloadSchema.safeParse(row.payload);
    return payload.success ? { ...base, kind: row.kind, deadline: payload.data } : null;
  }
  return null;
}
