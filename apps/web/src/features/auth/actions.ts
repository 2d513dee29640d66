"use server";

import {
  acceptInvitationAsUser,
  createFirstOwner,
  firstOwnerInput,
  localeSchema,
  requestPasswordReset,
  requestPasswordResetInput,
  resetPassword,
  resetPasswordInput,
  setUserLocale,
  signOutEverywhere,
  signUpWithInvitation,
  signUpWithInvitationInput,
} from "@hopquy/core";
import { enqueueEmailDeliveries } from "@hopquy/jobs";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth/auth";
import { signInWithPassword } from "@/auth/credentials-sign-in";
import { getSession } from "@/auth/session";
import { LOCALE_COOKIE } from "@/i18n/translate";
import { toActionError, userAction } from "@/lib/action-client";
import type { ActionResult } from "@/lib/action-result";
import { clientIpFrom } from "@/lib/client-ip";

const signInInput = z.object({ email: z.string().trim().max(254), password: z.string().min(1).max(256) });

export async function signInAction(rawInput: z.input<typeof signInInput>): Promise<ActionResult<null>> {
  const parsed = signInInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: toActionError(parsed.error) };
  return signInWithPassword(parsed.data.email, parsed.data.password);
}

export async function setupFirstOwnerAction(rawInput: z.input<typeof firstOwnerInput>): Promise<ActionResult<{ organizationSlug: string }>> {
  try {
    const input = firstOwnerInput.parse(rawInput);
    const { organization } = await createFirstOwner(input);
    const signedIn = await signInWithPassword(input.email, input.password);
    if (!signedIn.ok) return signedIn;
    return { ok: true, data: { organizationSlug: organization.slug } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

export async function signUpWithInvitationAction(
  rawInput: z.input<typeof signUpWithInvitationInput>,
): Promise<ActionResult<{ organizationSlug: string }>> {
  try {
    const input = signUpWithInvitationInput.parse(rawInput);
    const { email, organizationSlug } = await signUpWithInvitation(input);
    const signedIn = await signInWithPassword(email, input.password);
    if (!signedIn.ok) return signedIn;
    return { ok: true, data: { organizationSlug } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

export const acceptInvitationAction = userAction(z.object({ token: z.string().min(20).max(200) }), (user, input) =>
  acceptInvitationAsUser(input.token, user),
);

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await getSession();
  if (user) await signOutEverywhere(user.id);
  await signOut({ redirectTo: "/sign-in" });
}

export async function setLocaleAction(rawLocale: string): Promise<ActionResult<null>> {
  const parsed = localeSchema.safeParse(rawLocale);
  if (!parsed.success) return { ok: false, error: { code: "VALIDATION" } };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", httpOnly: false, maxAge: 365 * 24 * 3600 });
  const user = await getSession();
  if (user) await setUserLocale(user.id, parsed.data);
  return { ok: true, data: null };
}

// Forgot password: the same answer whether or not the address has an account (or is throttled).
export async function requestPasswordResetAction(rawInput: z.input<typeof requestPasswordResetInput>): Promise<ActionResult<null>> {
  try {
    const input = requestPasswordResetInput.parse(rawInput);
    const { emailMessageId } = await requestPasswordReset({ email: input.email, ip: clientIpFrom(await headers()) });
    if (emailMessageId) await enqueueEmailDeliveries([emailMessageId]);
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}

// A new password from a reset link; every session ends, then this browser is signed in afresh.
export async function resetPasswordAction(rawInput: z.input<typeof resetPasswordInput>): Promise<ActionResult<{ signedIn: boolean }>> {
  try {
    const input = resetPasswordInput.parse(rawInput);
    const { email } = await resetPassword(input);
    const signedIn = await signInWithPassword(email, input.password);
    return { ok: true, data: { signedIn: signedIn.ok } };
  } catch (error) {
    return { ok: false, error: toActionError(error) };
  }
}
