import { platformDb } from "@hopquy/db";

// A JWT is only as good as the user row behind it: disabled users and bumped session versions
// (sign-out everywhere) end the session on the next request.
export async function loadSessionUser(userId: string, sessionVersion: number) {
  const user = await platformDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return user;
}
