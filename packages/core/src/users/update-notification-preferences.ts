import { platformDb } from "@hopquy/db";
import { z } from "zod";
import {
  effectiveNotificationPreferences,
  parseNotificationPreferences,
  updateNotificationPreferencesInput,
} from "../notifications/notification-preferences";

// The signed-in user's own choices (one set for all their organizations); kinds not sent keep theirs.
export async function updateNotificationPreferences(userId: string, rawInput: z.input<typeof updateNotificationPreferencesInput>) {
  const { preferences } = updateNotificationPreferencesInput.parse(rawInput);
  const db = platformDb();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationPreferences: true } });
    const merged = { ...parseNotificationPreferences(user.notificationPreferences), ...preferences };
    await tx.user.update({ where: { id: userId }, data: { notificationPreferences: merged } });
    return effectiveNotificationPreferences(merged);
  });
}

export async function getNotificationPreferences(userId: string) {
  const user = await platformDb().user.findUniqueOrThrow({ where: { id: userId }, select: { notificationPreferences: true } });
  return effectiveNotificationPreferences(user.notificationPreferences);
}
