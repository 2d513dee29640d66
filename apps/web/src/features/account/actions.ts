"use server";

import { changePassword, changePasswordInput, updateNotificationPreferences, updateNotificationPreferencesInput } from "@hopquy/core";
import { signInWithPassword } from "@/auth/credentials-sign-in";
import { userAction } from "@/lib/action-client";

// Revokes every session (sessionVersion), then signs this browser in again with the new password,
// so only the other sessions end.
export const changePasswordAction = userAction(changePasswordInput, async (user, input) => {
  await changePassword(user.id, input);
  const signedIn = await signInWithPassword(user.email, input.newPassword);
  return { signedIn: signedIn.ok };
});

export const updateNotificationPreferencesAction = userAction(updateNotificationPreferencesInput, (user, input) =>
  updateNotificationPreferences(user.id, input),
);
