import { platformDb } from "@hopquy/db";
import { z } from "zod";
import { appendAccountEvent } from "../audit/append-account-event";
import { AppError } from "../errors";
import { hashPassword, passwordSchema } from "./password";
import { hashSecretToken } from "./secret-token";

export const resetPasswordInput = z.object({ token: z.string().min(20).max(200), password: passwordSchema });

const invalidLink = () => new AppError("EXPIRED", "The reset link is invalid, used or expired", { reason: "reset_link_invalid" });

// Sets a new password from a reset link: single use (a conditional update claims the request),
// every session is revoked (sessionVersion), the lockout is cleared, and the user's other
// outstanding links stop working.
export async function resetPassword(rawInput: z.input<typeof resetPasswordInput> & { now?: Date }): Promise<{ userId: string; email: string }> {
  const input = resetPasswordInput.parse({ token: rawInput.token, password: rawInput.password });
  const now = rawInput.now ?? new Date();
  const tokenHash = hashSecretToken(input.token);
  const db = platformDb();
  const request = await db.passwordResetRequest.findUnique({ where: { tokenHash }, select: { id: true, userId: true, usedAt: true, expiresAt: true } });
  if (!request?.userId || request.usedAt || request.expiresAt <= now) throw invalidLink();
  const userId = request.userId;
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetRequest.updateMany({ where: { id: request.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw invalidLink();
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 }, lockedUntil: null },
      select: { id: true, email: true, disabledAt: true },
    });
    if (updated.disabledAt) throw invalidLink();
    await tx.passwordResetRequest.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    return updated;
  });
  await appendAccountEvent(user, { action: "user.password_reset", targetType: "user", targetId: user.id, after: { passwordChangedAt: now.toISOString(), sessionsRevoked: true } });
  return { userId: user.id, email: user.email };
}
