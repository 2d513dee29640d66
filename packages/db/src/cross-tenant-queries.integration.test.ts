import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  findInvitationByTokenHash,
  findMembershipOfUserBySlug,
  findMembershipsOfUser,
  findOrganizationsForReferenceImpact,
  findOrganizationsWithEvidenceExpiryWork,
  pingDatabase,
  platformDb,
  tenantDb,
} from "./index";
import { createTestOrganization, createTestUser } from "./testing";

describe("cross-tenant queries", () => {
  it("findMembershipsOfUser returns exactly the user's memberships, ordered by organization name", async () => {
    const user = await createTestUser();
    const stranger = await createTestUser();
    const zeta = await platformDb().organization.create({ data: { slug: `zeta-${randomBytes(3).toString("hex")}`, name: "Zeta Co" } });
    const alpha = await platformDb().organization.create({ data: { slug: `alpha-${randomBytes(3).toString("hex")}`, name: "Alpha Co" } });
    await tenantDb(zeta.id).membership.create({ data: { organizationId: zeta.id, userId: user.id, role: "viewer" } });
    await tenantDb(alpha.id).membership.create({ data: { organizationId: alpha.id, userId: user.id, role: "owner" } });
    await createTestOrganization({ ownerId: stranger.id });

    const memberships = await findMembershipsOfUser(user.id);
    expect(memberships.map((m) => [m.organization.name, m.role])).toEqual([
      ["Alpha Co", "owner"],
      ["Zeta Co", "viewer"],
    ]);
    expect(Object.keys(memberships[0]!.organization).sort()).toEqual(["id", "kind", "name", "slug"]);
    expect(await findMembershipsOfUser(`missing-${randomBytes(3).toString("hex")}`)).toEqual([]);
  });

  it("findMembershipOfUserBySlug finds only the user's own membership", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const mine = await createTestOrganization({ ownerId: user.id });
    const theirs = await createTestOrganization({ ownerId: other.id });

    const found = await findMembershipOfUserBySlug(user.id, mine.slug);
    expect(found).toMatchObject({ userId: user.id, organizationId: mine.id, role: "owner", organization: { slug: mine.slug } });
    expect(await findMembershipOfUserBySlug(user.id, theirs.slug)).toBeNull();
    expect(await findMembershipOfUserBySlug(user.id, "no-such-slug")).toBeNull();
  });

  it("findInvitationByTokenHash finds the invitation with its organization, and nothing for another hash", async () => {
    const org = await createTestOrganization();
    const tokenHash = createHash("sha256").update(randomBytes(32)).digest("hex");
    const invitation = await tenantDb(org.id).invitation.create({
      data: { organizationId: org.id, email: "invitee@example.test", role: "viewer", tokenHash, expiresAt: new Date(Date.now() + 60_000) },
    });
    const found = await findInvitationByTokenHash(tokenHash);
    expect(found).toMatchObject({ id: invitation.id, organization: { id: org.id, slug: org.slug, name: org.name } });
    expect(await findInvitationByTokenHash("0".repeat(64))).toBeNull();
  });
});

describe("findOrganizationsWithEvidenceExpiryWork", () => {
  it("returns the ids of organizations with evidence to mark, remind about or un-mark, and no others", async () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
    const withEvidence = async (evidence: { expiryDate: string | null; reviewState?: "draft" | "accepted" | "rejected"; expiredAt?: Date }) => {
      const org = await createTestOrganization();
      await tenantDb(org.id).evidence.create({
        data: {
          organizationId: org.id,
          kind: "certificate",
          title: "Certificate",
          createdByEmail: "test@example.test",
          reviewState: evidence.reviewState ?? "accepted",
          expiryDate: evidence.expiryDate ? day(evidence.expiryDate) : null,
          expiredAt: evidence.expiredAt ?? null,
        },
      });
      return org.id;
    };
    const included = [
      await withEvidence({ expiryDate: "2040-06-14", reviewState: "rejected" }), // expired, not marked yet
      await withEvidence({ expiryDate: "2040-06-15" }), // last valid day
      await withEvidence({ expiryDate: "2040-07-15", reviewState: "draft" }), // 30 days out
      await withEvidence({ expiryDate: "2040-06-15", expiredAt: new Date() }), // renewed after being marked
      await withEvidence({ expiryDate: null, expiredAt: new Date() }),
    ];
    const excluded = [
      await withEvidence({ expiryDate: "2040-07-16" }), // beyond the reminder horizon
      await withEvidence({ expiryDate: "2040-06-20", reviewState: "rejected" }), // rejected: no reminders
      await withEvidence({ expiryDate: "2040-06-01", expiredAt: new Date() }), // already marked
      await withEvidence({ expiryDate: null }),
      (await createTestOrganization()).id,
    ];
    const found = await findOrganizationsWithEvidenceExpiryWork(day("2040-06-15"), day("2040-07-15"));
    expect(found).toEqual(expect.arrayContaining(included));
    expect(found.filter((id) => excluded.includes(id))).toEqual([]);
    expect(new Set(found).size).toBe(found.length);
  });
});

describe("findOrganizationsForReferenceImpact", () => {
  it("returns ids only: organizations with SKUs, or with current re-mapped assessments", async () => {
    const suffix = randomBytes(4).toString("hex");
    const version = await platformDb().catalogVersion.create({
      data: { regulation: `TEST_DB_${suffix}`, version: "1", revision: 1, contentHash: suffix, provisional: true, codeScheme: "derived", document: {}, origin: "imported" },
    });
    const group = await platformDb().requirementGroup.create({ data: { catalogVersionId: version.id, code: "G1", position: 0, provisional: true } });
    const clause = await platformDb().clause.create({ data: { catalogVersionId: version.id, groupId: group.id, code: "G1-1", position: 0, provisional: true, source: "test", details: {} } });
    const withSku = async (assessment?: { origin: "remapped" | "manual"; current: boolean }) => {
      const org = await createTestOrganization();
      const sku = await tenantDb(org.id).sku.create({ data: { organizationId: org.id, modelCode: "M", brand: "B", manufacturer: "M", countryOfOrigin: "VN", capabilities: {} } });
      if (assessment) {
        await tenantDb(org.id).assessment.create({ data: { organizationId: org.id, skuId: sku.id, clauseId: clause.id, status: "covered", ...assessment } });
      }
      return org.id;
    };
    const [remapped, remappedHistory, manual, skuOnly, empty] = [
      await withSku({ origin: "remapped", current: true }),
      await withSku({ origin: "remapped", current: false }),
      await withSku({ origin: "manual", current: true }),
      await withSku(),
      (await createTestOrganization()).id,
    ];
    const withSkus = await findOrganizationsForReferenceImpact("skus");
    expect(withSkus).toEqual(expect.arrayContaining([remapped, remappedHistory, manual, skuOnly]));
    expect(withSkus).not.toContain(empty);
    const withRemapped = await findOrganizationsForReferenceImpact("remapped-assessments");
    expect(withRemapped).toContain(remapped);
    expect(withRemapped.filter((id) => [remappedHistory, manual, skuOnly, empty].includes(id))).toEqual([]);
    expect(withSkus.every((id) => typeof id === "string")).toBe(true);
  });
});

describe("platformDb", () => {
  it("reaches identity-level models", async () => {
    const user = await createTestUser();
    expect((await platformDb().user.findUnique({ where: { id: user.id } }))?.email).toBe(user.email);
    expect(await platformDb().loginAttempt.count({ where: { email: user.email } })).toBe(0);
  });

  it("refuses every tenant model, for reads and writes alike", async () => {
    const db = platformDb();
    await expect(db.membership.findMany()).rejects.toThrow("Membership.findMany needs tenantDb(organizationId), not platformDb.");
    await expect(db.invitation.findFirst()).rejects.toThrow(/Invitation\.findFirst needs tenantDb/);
    await expect(db.auditEvent.deleteMany()).rejects.toThrow(/AuditEvent\.deleteMany needs tenantDb/);
    await expect(db.membership.create({ data: { organizationId: "x", userId: "y", role: "viewer" } })).rejects.toThrow(/needs tenantDb/);
  });
});

describe("tenantDb organization access", () => {
  it("cannot rename another organization: the where is pinned to the tenant's own id", async () => {
    const a = await createTestOrganization();
    const b = await createTestOrganization();
    await tenantDb(a.id).organization.update({ where: { id: b.id }, data: { name: "Renamed" } });
    expect((await platformDb().organization.findUniqueOrThrow({ where: { id: b.id } })).name).toBe(b.name);
    expect((await platformDb().organization.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("Renamed");
  });

  it("refuses deleting or listing organizations", async () => {
    const a = await createTestOrganization();
    await expect(tenantDb(a.id).organization.delete({ where: { id: a.id } })).rejects.toThrow(/not available/);
    await expect(tenantDb(a.id).organization.updateMany({ data: { name: "x" } })).rejects.toThrow(/not available/);
  });

  it("needs an organization id", () => {
    expect(() => tenantDb("")).toThrow(/needs an organizationId/);
  });
});

describe("pingDatabase", () => {
  it("returns a round-trip time in milliseconds", async () => {
    const ms = await pingDatabase();
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(5_000);
  });
});
