import { z } from "zod";
import { NOTIFICATION_KINDS } from "./notification-kinds";

// How a notification kind reaches a user: not at all, in the app only, e-mailed right away, or in
// the daily digest (each also appears in the app).
export const NOTIFICATION_DELIVERIES = ["off", "in_app", "email_immediate", "email_digest"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

// Reminders that something is about to stop counting go out at once; the rest waits for the digest.
// A kind without an entry here (added later) gets FALLBACK_NOTIFICATION_DELIVERY.
export const DEFAULT_NOTIFICATION_DELIVERY: Record<string, NotificationDelivery> = {
  "evidence.expiring": "email_immediate",
  "evidence.expired": "email_immediate",
  "catalog.changed": "email_digest",
  // A publication changes what must be filed and by when: told at once.
  "risk-list.published": "email_immediate",
  "deadline.due": "email_immediate",
  "deadline.overdue": "email_immediate",
};
export const FALLBACK_NOTIFICATION_DELIVERY: NotificationDelivery = "email_digest";

const kindName = z.string().max(64).regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, "invalid_kind");

// Stored in User.notificationPreferences: only the kinds the user changed.
export const notificationPreferencesSchema = z.record(kindName, z.enum(NOTIFICATION_DELIVERIES));
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesInput = z.object({ preferences: notificationPreferencesSchema });

// A stored value that no longer parses (hand-edited, an old format) counts as "no choice made".
export function parseNotificationPreferences(stored: unknown): NotificationPreferences {
  const parsed = notificationPreferencesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

export function notificationDeliveryFor(stored: unknown, kind: string): NotificationDelivery {
  const preferences = parseNotificationPreferences(stored);
  return (Object.hasOwn(preferences, kind) ? preferences[kind] : undefined)
    ?? (Object.hasOwn(DEFAULT_NOTIFICATION_DELIVERY, kind) ? DEFAULT_NOTIFICATION_DELIVERY[kind] : undefined)
    ?? FALLBACK_NOTIFICATION_DELIVERY;
}

// Every kind this version creates, with the user's effective choice (for the settings form).
export function effectiveNotificationPreferences(stored: unknown): { kind: string; delivery: NotificationDelivery; isDefault: boolean }[] {
  const preferences = parseNotificationPreferences(stored);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: notificationDeliveryFor(stored, kind), isDefault: !Object.hasOwn(preferences, kind) }));
}
