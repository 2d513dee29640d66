// Pages resolve the membership once per request (React cache): the layout and the page share it.
import { resolveTenantContext } from "@hopquy/core";
import { cache } from "react";
import { requireSession } from "@/auth/session";
import { loadOrNotFound } from "./load-or-not-found";

export const getTenantPageContext = cache(async (orgSlug: string) => {
  const user = await requireSession();
  return { user, ctx: await loadOrNotFound(() => resolveTenantContext(user, orgSlug)) };
});
