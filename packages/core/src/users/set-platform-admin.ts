import { platformDb } from "@hopquy/db";
import { notFound } from "../errors";

// Operators grant or revoke the platform-admin right from the command line (npm run platform-admin);
// there is deliberately no web UI for it. Bumping sessionVersion makes the change apply at once.
export async function setPlatformAdmin(email: string, isPlatformAdmin: boolean) {
  const user = await platformDb().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw notFound("User");
  return platformDb().user.update({
    where: { id: user.id },
    data: { isPlatformAdmin, sessionVersion: { increment: 1 } },
    select: { email: true, isPlatformAdmin: true },
  });
}
