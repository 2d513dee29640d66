"use server";

import { createOrRotateCalendarFeed, revokeCalendarFeed } from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/action-client";

// The token is returned once, to its owner, who copies the URL into a calendar app.
export const createOrRotateCalendarFeedAction = orgAction("sku:read", z.object({}), async (ctx) => {
  const { token, rotated } = await createOrRotateCalendarFeed(ctx);
  revalidatePath(`/${ctx.organizationSlug}/settings`);
  return { feedPath: `/api/calendar/${token}.ics`, rotated };
});

export const revokeCalendarFeedAction = orgAction("sku:read", z.object({}), async (ctx) => {
  await revokeCalendarFeed(ctx);
  revalidatePath(`/${ctx.organizationSlug}/settings`);
  return null;
});
