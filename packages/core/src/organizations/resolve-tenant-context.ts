import { findMembershipOfUserBySlug, findMembershipsOfUser } from "@hopquy/db";
import type { TenantContext } from "../context";
import { notFound } from "../errors";

// Membership is the only way into an organization: a slug the user does not belong to is "not found",
// whether or not it exists.
export async function resolveTenantContext(user: { id: string; email: string }, organizationSlug: string): Promise<TenantContext> {
  const membership = await findMembershipOfUserBySlug(user.id, organizationSlug);
  if (!membership) throw notFound("Organization");
  return {
    organizationId: membership.organizationId,
    organizationSlug: membership.organization.slug,
    userId: user.id,
    userEmail: user.email,
    role: membership.role,
  };
}

export async function listOrganizationsOfUser(userId: string) {
  const memberships = await findMembershipsOfUser(userId);
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}
