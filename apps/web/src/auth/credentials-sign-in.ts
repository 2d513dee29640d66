// Password sign-in for server actions, with Auth.js' errors turned into our error codes.
import { AuthError, CredentialsSignin } from "next-auth";
import type { ActionResult } from "@/lib/action-result";
import { signIn } from "./auth";

export async function signInWithPassword(email: string, password: string): Promise<ActionResult<null>> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      if (error.code === "locked") return { ok: false, error: { code: "LOCKED" } };
      if (error.code === "rate_limited") return { ok: false, error: { code: "RATE_LIMITED" } };
      return { ok: false, error: { code: "UNAUTHENTICATED", reason: "invalid_credentials" } };
    }
    if (error instanceof AuthError) return { ok: false, error: { code: "UNAUTHENTICATED", reason: "invalid_credentials" } };
    throw error;
  }
  return { ok: true, data: null };
}
