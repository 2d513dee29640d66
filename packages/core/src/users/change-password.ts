import { platformDb } from "@hopquy/db";
import { z } from "zod";
import { appendAccountEvent } from "../audit/append-account-event";
import { hashPassword, passwordSchema, verifyPassword } from "../auth/password";
import { AppError } from "../errors";

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

// The signed-in user's own password. Every session is revoked (sessionVersion); the caller signs
// the current browser in again with the new password so only the other sessions end.
export async function changePassword(userId: string, rawInput: z.input<typeof changePasswordInput>, now: Date = new Date()): Promise<{ email: string; sessionVersion: number }> {
  const input = changePasswordInput.parse(rawInput);
  const db = platformDb();
  const current = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "The current password is wrong", { reason: "wrong_current_password" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const user = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, lockedUntil: null },
      select: { id: true, email: true, sessionVersion: true },
    });
    // Outstanding reset links were asked for with the old password in mind.
    await tx.passwordResetRequest.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return updated;
  });
  await appendAccountEvent(user, { action: "user.password_changed", targetType: "user", targetId: user.id, after: { passwordChangedAt: now.toISOString(), otherSessionsRevoked: true } });
  return { email: user.email, sessionVersion: user.sessionVersion };
}
