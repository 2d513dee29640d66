// The one session choke point: resolves the signed-in user from the JWT *and* the database, so
// disabled users and sign-out-everywhere take effect on the next request.
import { loadSessionUser } from "@hopquy/core";
import { redirect } from "next/navigation";
import { auth } from "./auth";

export type SessionUser = NonNullable<Awaited<ReturnType<typeof loadSessionUser>>>;

export async function getSession(): Promise<SessionUser | null> {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  return loadSessionUser(session.uid, session.sv ?? 0);
}

export async function requireSession(): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect("/sign-in");
  return user;
}
