"use server";

import { createOrganizationForUser, organizationInput, updateOrganization, updateOrganizationInput } from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { orgAction, userAction } from "@/lib/action-client";

export const createOrganizationAction = userAction(organizationInput, async (user, input) => {
  const organization = await createOrganizationForUser(user.id, input);
  return { slug: organization.slug };
});

export const updateOrganizationAction = orgAction("organization:update", updateOrganizationInput, async (ctx, input) => {
  const organization = await updateOrganization(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}`, "layout");
  return { name: organization.name, kind: organization.kind };
});
