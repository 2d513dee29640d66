import { platformDb } from "@hopquy/db";
import { readMailEnv, renderPasswordResetMail } from "@hopquy/mail";
import { z } from "zod";
import { emailDedupeKey, writeEmailMessage } from "../email/write-email-messages";
import { emailSchema } from "./password";
import { PASSWORD_RESET_POLICY } from "./password-reset-policy";
import { newSecretToken } from "./secret-token";

export const requestPasswordResetInput = z.object({ email: emailSchema });

// Forgot password. The caller always answers the same ("if the address has an account, a link is on
// its way"): whether an account exists, is disabled or is throttled only decides whether an outbox
// row is written. Every request is stored, which is what the throttle counts.
export async function requestPasswordReset(rawInput: z.input<typeof requestPasswordResetInput> & { ip: string; now?: Date }): Promise<{ emailMessageId: string | null }> {
  const { email } = requestPasswordResetInput.parse({ email: rawInput.email });
  const ip = (rawInput.ip || "unknown").slice(0, 64);
  const now = rawInput.now ?? new Date();
  const windowStart = new Date(now.getTime() - PASSWORD_RESET_POLICY.windowMs);
  const db = platformDb();
  return db.$transaction(async (tx) => {
    const [forAccount, fromIp, user] = await Promise.all([
      tx.passwordResetRequest.count({ where: { email, createdAt: { gt: windowStart } } }),
      tx.passwordResetRequest.count({ where: { ip, createdAt: { gt: windowStart } } }),
      tx.user.findUnique({ where: { email }, select: { id: true, locale: true, disabledAt: true } }),
    ]);
    const throttled = forAccount >= PASSWORD_RESET_POLICY.perAccount || fromIp >= PASSWORD_RESET_POLICY.perIp;
    const eligible = user !== null && !user.disabledAt && !throttled;
    const secret = eligible ? newSecretToken() : null;
    const request = await tx.passwordResetRequest.create({
      data: { email, ip, userId: user?.id ?? null, tokenHash: secret?.tokenHash ?? null, expiresAt: new Date(now.getTime() + PASSWORD_RESET_POLICY.ttlMs), createdAt: now },
    });
    if (!eligible || !secret) return { emailMessageId: null };
    const emailMessageId = await writeEmailMessage(tx, {
      userId: user.id,
      kind: "password-reset",
      dedupeKey: emailDedupeKey.passwordReset(request.id),
      to: email,
      locale: user.locale,
      content: renderPasswordResetMail(
        { locale: user.locale, resetPath: `/reset-password?token=${encodeURIComponent(secret.token)}`, expiresInMinutes: PASSWORD_RESET_POLICY.ttlMs / 60_000 },
        { appUrl: readMailEnv().appUrl },
      ),
      sensitive: true,
    });
    return { emailMessageId };
  });
}
