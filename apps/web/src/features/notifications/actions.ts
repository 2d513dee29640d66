"use server";

import { markNotificationsRead, markNotificationsReadInput } from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action-client";

// Marks the caller's own notifications read: the listed ids, or all of them in this organization.
export const markNotificationsReadAction = orgAction("notification:read", markNotificationsReadInput, async (ctx, input) => {
  const result = await markNotificationsRead(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/notifications`);
  return result;
});
