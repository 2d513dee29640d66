import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "./notification-kinds";
import { effectiveNotificationPreferences, notificationDeliveryFor, notificationPreferencesSchema } from "./notification-preferences";

describe("notification preferences", () => {
  it("defaults: expiry reminders e-mailed at once, catalog changes in the digest, later kinds in the digest", () => {
    expect(notificationDeliveryFor(null, "evidence.expiring")).toBe("email_immediate");
    expect(notificationDeliveryFor(null, "evidence.expired")).toBe("email_immediate");
    expect(notificationDeliveryFor(undefined, "catalog.changed")).toBe("email_digest");
    expect(notificationDeliveryFor(null, "deadline.due")).toBe("email_immediate");
    expect(notificationDeliveryFor({}, "submission.returned")).toBe("email_digest");
  });

  it("a stored choice wins; a malformed stored value counts as no choice", () => {
    expect(notificationDeliveryFor({ "evidence.expiring": "off" }, "evidence.expiring")).toBe("off");
    expect(notificationDeliveryFor({ "evidence.expiring": "sometimes" }, "evidence.expiring")).toBe("email_immediate");
    expect(notificationDeliveryFor("garbage", "catalog.changed")).toBe("email_digest");
    // Own keys only.
    expect(notificationDeliveryFor({}, "constructor")).toBe("email_digest");
  });

  it("validates kinds and choices at the boundary", () => {
    expect(notificationPreferencesSchema.safeParse({ "deadline.overdue": "in_app" }).success).toBe(true);
    expect(notificationPreferencesSchema.safeParse({ "evidence.expiring": "loud" }).success).toBe(false);
    expect(notificationPreferencesSchema.safeParse({ "__proto__x": "off" }).success).toBe(false);
    expect(notificationPreferencesSchema.safeParse({ nodot: "off" }).success).toBe(false);
  });

  it("lists every known kind with its effective choice", () => {
    const listed = effectiveNotificationPreferences({ "catalog.changed": "in_app" });
    expect(listed.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(listed.slice(0, 3)).toEqual([
      { kind: "evidence.expiring", delivery: "email_immediate", isDefault: true },
      { kind: "evidence.expired", delivery: "email_immediate", isDefault: true },
      { kind: "catalog.changed", delivery: "in_app", isDefault: false },
    ]);
  });
});
