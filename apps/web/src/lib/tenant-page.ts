// Pages resolve the membership once per request (React cache): the layout and the page share it.
import { isAppError, resolveTenantContext } from "@hopquy/core";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSession } from "@/auth/session";

export const getTenantPageContext = cache(async (orgSlug: string) => {
  const user = await requireSession();
  try {
    return { user, ctx: await resolveTenantContext(user, orgSlug) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
