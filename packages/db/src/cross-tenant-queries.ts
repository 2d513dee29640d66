// The few reads that must look across organizations, named for what they are for.
// Each is keyed by something that already proves the right to see the rows (the user's own id,
// or a secret invitation token hash), or serves a system job and returns organization ids only.
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

// For the daily evidence expiry sweep (a system job, no user): the organizations that have something
// to do on `today`. Only ids come back; each organization is then processed through tenantDb.
// Evidence to mark expired (any review state), evidence to remind about (not rejected, expiring by
// `horizon`), and evidence marked expired whose date was renewed since.
export async function findOrganizationsWithEvidenceExpiryWork(today: Date, horizon: Date): Promise<string[]> {
  const groups = await getRawClient().evidence.groupBy({
    by: ["organizationId"],
    where: {
      OR: [
        { expiredAt: null, expiryDate: { lt: today } },
        { expiredAt: null, reviewState: { not: "rejected" }, expiryDate: { lte: horizon } },
        { expiredAt: { not: null }, OR: [{ expiryDate: null }, { expiryDate: { gte: today } }] },
      ],
    },
    orderBy: { organizationId: "asc" },
  });
  return groups.map((g) => g.organizationId);
}

// For the catalog change impact (a system job, no user): the organizations a new reference revision
// can affect. A new QCVN 11 version re-derives every organization with SKUs ("skus"); a new mapping-set
// revision only concerns organizations with current re-mapped assessments ("remapped-assessments").
// Only ids come back; each organization is then processed through tenantDb.
export async function findOrganizationsForReferenceImpact(scope: "skus" | "remapped-assessments"): Promise<string[]> {
  const client = getRawClient();
  const groups =
    scope === "skus"
      ? await client.sku.groupBy({ by: ["organizationId"], orderBy: { organizationId: "asc" } })
      : await client.assessment.groupBy({ by: ["organizationId"], where: { origin: "remapped", current: true }, orderBy: { organizationId: "asc" } });
  return groups.map((g) => g.organizationId);
}

// For the daily notification digest (a system job, no user): the users with notifications created
// in [since, before) that are unread and not yet e-mailed. Only user ids come back; each user's
// rows are then read organization by organization through tenantDb.
export async function findUsersWithUnemailedNotifications(since: Date, before: Date): Promise<string[]> {
  const groups = await getRawClient().notification.groupBy({
    by: ["userId"],
    where: { emailedAt: null, readAt: null, createdAt: { gte: since, lt: before } },
    orderBy: { userId: "asc" },
  });
  return groups.map((g) => g.userId);
}

// For calendar apps reading a subscribed feed (no session): the secret token's hash proves the right
// to that one feed. Only the ids of its organization and user come back; the caller re-checks that the
// user is still an enabled member before reading anything through tenantDb.
export function findCalendarFeedByTokenHash(tokenHash: string) {
  return getRawClient().calendarFeed.findUnique({ where: { tokenHash }, select: { id: true, organizationId: true, userId: true } });
}
