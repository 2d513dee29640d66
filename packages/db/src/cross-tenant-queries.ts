// The few reads that must look across organizations, named for what they are for.
// Each is keyed by something that already proves the right to see the rows (the user's own id,
// or a secret invitation token hash).
import { getRawClient } from "./raw-client";

export function findMembershipsOfUser(userId: string) {
  return getRawClient().membership.findMany({
    where: { userId },
    include: { organization: { select: { id: true, slug: true, name: true, kind: true } } },
    orderBy: { organization: { name: "asc" } },
  });
}

export function findMembershipOfUserBySlug(userId: string, organizationSlug: string) {
  return getRawClient().membership.findFirst({
    where: { userId, organization: { slug: organizationSlug } },
    include: { organization: { select: { id: true, slug: true, name: true, kind: true } } },
  });
}

export function findInvitationByTokenHash(tokenHash: string) {
  return getRawClient().invitation.findUnique({
    where: { tokenHash },
    include: { organization: { select: { id: true, slug: true, name: true } } },
  });
}
