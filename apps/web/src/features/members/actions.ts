"use server";

import {
  changeMemberRole,
  changeMemberRoleInput,
  inviteMember,
  inviteMemberInput,
  removeMember,
  removeMemberInput,
  revokeInvitation,
  revokeInvitationInput,
} from "@hopquy/core";
import { enqueueEmailDeliveries } from "@hopquy/jobs";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/action-client";

export const inviteMemberAction = orgAction("member:invite", inviteMemberInput, async (ctx, input) => {
  const { invitation, token, emailMessageId } = await inviteMember(ctx, input);
  // The invitation e-mail committed with the invitation; delivery is best effort from here.
  if (emailMessageId) await enqueueEmailDeliveries([emailMessageId]);
  revalidatePath(`/${ctx.organizationSlug}/members`);
  // The token is returned once, to the inviter, so they can pass the link on.
  return { invitationId: invitation.id, invitePath: `/invite/${token}` };
});

export const revokeInvitationAction = orgAction("member:invite", revokeInvitationInput, async (ctx, input) => {
  await revokeInvitation(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/members`);
  return null;
});

export const changeMemberRoleAction = orgAction("member:change_role", changeMemberRoleInput, async (ctx, input) => {
  const membership = await changeMemberRole(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/members`);
  return { role: membership.role };
});

export const removeMemberAction = orgAction("member:remove", removeMemberInput, async (ctx, input) => {
  await removeMember(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/members`);
  return null;
});
