// Tenant isolation at the service level: with the context of an owner of organization A, no core
// service can read or change organization B's rows, whatever ids it is handed.
import { tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as core from "./index";
import type { TenantContext } from "./context";
import { auditEventsOf, expectAppError, uniqueEmail } from "./testing/fixtures";

interface World {
  a: { id: string; slug: string; ctx: TenantContext };
  b: {
    id: string;
    slug: string;
    ownerMembershipId: string;
    viewerMembershipId: string;
    viewerEmail: string;
    pendingInvitationId: string;
    pendingEmail: string;
    familyId: string;
    skuId: string;
    skuModelCode: string;
  };
  alice: { id: string; email: string };
}

let w: World;

async function snapshotOf(organizationId: string) {
  const db = tenantDb(organizationId);
  return {
    organization: await db.organization.findUnique({ where: { id: organizationId } }),
    memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
    invitations: await db.invitation.findMany({ orderBy: { id: "asc" } }),
    auditEvents: await db.auditEvent.findMany({ orderBy: { seq: "asc" } }),
    families: await db.productFamily.findMany({ orderBy: { id: "asc" } }),
    skus: await db.sku.findMany({ orderBy: { id: "asc" } }),
    firmware: await db.firmwareVersion.findMany({ orderBy: { id: "asc" } }),
  };
}

let bBefore: Awaited<ReturnType<typeof snapshotOf>>;

beforeAll(async () => {
  const alice = await createTestUser();
  const bob = await createTestUser();
  const orgA = await core.createOrganizationForUser(alice.id, { name: "Tenant A" });
  const orgB = await core.createOrganizationForUser(bob.id, { name: "Tenant B" });
  const ctxA = await core.resolveTenantContext(alice, orgA.slug);
  const ctxB = await core.resolveTenantContext(bob, orgB.slug);

  // B gets a second member (through a real invitation), a pending invitation and some history.
  const carolEmail = uniqueEmail("carol");
  const carolInvite = await core.inviteMember(ctxB, { email: carolEmail, role: "viewer" });
  await core.signUpWithInvitation({ token: carolInvite.token, name: "Carol", password: "carol's long password" });
  const pendingEmail = uniqueEmail("pending");
  const pending = await core.inviteMember(ctxB, { email: pendingEmail, role: "contributor" });
  await core.updateOrganization(ctxB, { name: "Tenant B renamed", kind: "importer" });
  const bFamily = await core.createProductFamily(ctxB, { name: "B cameras" });
  const bSku = await core.createSku(ctxB, { modelCode: "B-CAM-1", brand: "B", manufacturer: "B Co", countryOfOrigin: "CN", familyId: bFamily.id });
  await core.addFirmwareVersion(ctxB, { skuId: bSku.id, version: "1.0.0" });

  const bMemberships = await tenantDb(orgB.id).membership.findMany({ include: { user: true } });
  w = {
    alice,
    a: { id: orgA.id, slug: orgA.slug, ctx: ctxA },
    b: {
      id: orgB.id,
      slug: orgB.slug,
      ownerMembershipId: bMemberships.find((m) => m.role === "owner")!.id,
      viewerMembershipId: bMemberships.find((m) => m.role === "viewer")!.id,
      viewerEmail: carolEmail,
      pendingInvitationId: pending.invitation.id,
      pendingEmail,
      familyId: bFamily.id,
      skuId: bSku.id,
      skuModelCode: bSku.modelCode,
    },
  };
  bBefore = await snapshotOf(orgB.id);
  expect(bBefore.memberships).toHaveLength(2);
  expect(bBefore.auditEvents.length).toBeGreaterThanOrEqual(5);
});

afterEach(async () => {
  // Whatever the test did with A's context, B is exactly as it was.
  expect(await snapshotOf(w.b.id)).toEqual(bBefore);
});

const onlyA = (rows: { organizationId: string }[]) => rows.every((r) => r.organizationId === w.a.id);

// Take a `ctx` too, but only read its role: no rows, nothing to isolate.
const PURE_PERMISSION_CHECKS = ["can", "assertCan"];

// One case per core service that takes a TenantContext. The last test checks this list is complete.
const CASES: Record<string, () => Promise<void>> = {
  async createSku() {
    // B's family id is unknown in A; B's model code is free in A (codes are per organization).
    await expectAppError(core.createSku(w.a.ctx, { modelCode: "A-1", brand: "A", manufacturer: "A Co", countryOfOrigin: "VN", familyId: w.b.familyId }), "NOT_FOUND");
    const sku = await core.createSku(w.a.ctx, { modelCode: w.b.skuModelCode, brand: "A", manufacturer: "A Co", countryOfOrigin: "VN" });
    expect(sku.organizationId).toBe(w.a.id);
  },

  async updateSku() {
    await expectAppError(core.updateSku(w.a.ctx, { skuId: w.b.skuId, modelCode: "X", brand: "X", manufacturer: "X", countryOfOrigin: "VN" }), "NOT_FOUND");
  },

  async updateSkuCapabilities() {
    await expectAppError(core.updateSkuCapabilities(w.a.ctx, { skuId: w.b.skuId, capabilities: { passwordsUsed: true } }), "NOT_FOUND");
  },

  async setSkuArchived() {
    await expectAppError(core.setSkuArchived(w.a.ctx, { skuId: w.b.skuId, archived: true }), "NOT_FOUND");
  },

  async getSku() {
    await expectAppError(core.getSku(w.a.ctx, w.b.skuId), "NOT_FOUND");
  },

  async listSkus() {
    const { skus } = await core.listSkus(w.a.ctx, { search: w.b.skuModelCode });
    expect(onlyA(skus)).toBe(true);
    const paged = await core.listSkus(w.a.ctx, { cursor: w.b.skuId, familyId: w.b.familyId });
    expect(paged.skus).toEqual([]);
  },

  async addFirmwareVersion() {
    await expectAppError(core.addFirmwareVersion(w.a.ctx, { skuId: w.b.skuId, version: "9.9.9" }), "NOT_FOUND");
  },

  async createProductFamily() {
    const family = await core.createProductFamily(w.a.ctx, { name: "B cameras" });
    expect(family.organizationId).toBe(w.a.id);
  },

  async listProductFamilies() {
    expect(onlyA(await core.listProductFamilies(w.a.ctx))).toBe(true);
  },

  async getOrganizationOverview() {
    const overview = await core.getOrganizationOverview(w.a.ctx);
    expect(overview.organization.id).toBe(w.a.id);
    expect(overview.memberCount).toBe(await tenantDb(w.a.id).membership.count());
    expect(overview.pendingInvitations).toBe(await tenantDb(w.a.id).invitation.count({ where: { status: "pending" } }));
    expect(overview.lastEvents.length).toBeGreaterThan(0);
    expect(onlyA(overview.lastEvents)).toBe(true);
  },

  async updateOrganization() {
    const updated = await core.updateOrganization(w.a.ctx, { name: "Tenant A renamed" });
    expect(updated.id).toBe(w.a.id);
    expect((await tenantDb(w.a.id).organization.findUniqueOrThrow({ where: { id: w.a.id } })).name).toBe("Tenant A renamed");
  },

  async listMembers() {
    const { members } = await core.listMembers(w.a.ctx);
    expect(members.map((m) => m.userId)).toEqual([w.alice.id]);
    // A cursor pointing at B's row yields none of B's rows.
    const paged = await core.listMembers(w.a.ctx, { cursor: w.b.viewerMembershipId });
    expect(onlyA(paged.members)).toBe(true);
  },

  async changeMemberRole() {
    await expectAppError(core.changeMemberRole(w.a.ctx, { membershipId: w.b.viewerMembershipId, role: "owner" }), "NOT_FOUND");
    await expectAppError(core.changeMemberRole(w.a.ctx, { membershipId: w.b.ownerMembershipId, role: "viewer" }), "NOT_FOUND");
  },

  async removeMember() {
    await expectAppError(core.removeMember(w.a.ctx, { membershipId: w.b.viewerMembershipId }), "NOT_FOUND");
    await expectAppError(core.removeMember(w.a.ctx, { membershipId: w.b.ownerMembershipId }), "NOT_FOUND");
  },

  async inviteMember() {
    // B's member is not A's member: inviting them to A is fine, and lands in A only.
    const toMember = await core.inviteMember(w.a.ctx, { email: w.b.viewerEmail, role: "viewer" });
    expect(toMember.invitation.organizationId).toBe(w.a.id);
    // Re-inviting an address with a pending invitation in B revokes nothing in B (checked by afterEach).
    const toPending = await core.inviteMember(w.a.ctx, { email: w.b.pendingEmail, role: "viewer" });
    expect(toPending.invitation.organizationId).toBe(w.a.id);
    expect((await core.describeInvitation(toPending.token)).organizationSlug).toBe(w.a.slug);
  },

  async listPendingInvitations() {
    const pending = await core.listPendingInvitations(w.a.ctx);
    expect(pending.map((i) => i.id)).not.toContain(w.b.pendingInvitationId);
    const bIds = new Set(bBefore.invitations.map((i) => i.id));
    expect(pending.filter((i) => bIds.has(i.id))).toEqual([]);
  },

  async revokeInvitation() {
    await expectAppError(core.revokeInvitation(w.a.ctx, { invitationId: w.b.pendingInvitationId }), "NOT_FOUND");
  },

  async listAuditEvents() {
    const { events } = await core.listAuditEvents(w.a.ctx, { limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    expect(onlyA(events)).toBe(true);
    const beyond = await core.listAuditEvents(w.a.ctx, { beforeSeq: 10_000, limit: 100 });
    expect(onlyA(beyond.events)).toBe(true);
    expect(beyond.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
  },

  async verifyAuditChain() {
    const result = await core.verifyAuditChain(w.a.ctx);
    expect(result).toEqual({ intact: true, checked: (await auditEventsOf(w.a.id)).length });
  },
};

describe("tenant isolation of core services", () => {
  it.each(Object.keys(CASES))("%s with A's context cannot reach B", async (name) => {
    await CASES[name]!();
  });

  it("resolveTenantContext refuses an organization the user is not a member of (NOT_FOUND)", async () => {
    await expectAppError(core.resolveTenantContext(w.alice, w.b.slug), "NOT_FOUND");
    await expectAppError(core.resolveTenantContext(w.alice, "no-such-organization"), "NOT_FOUND");
    expect((await core.resolveTenantContext(w.alice, w.a.slug)).organizationId).toBe(w.a.id);
  });

  it("listOrganizationsOfUser lists only the user's own organizations", async () => {
    const orgs = await core.listOrganizationsOfUser(w.alice.id);
    expect(orgs.map((o) => o.id)).toEqual([w.a.id]);
  });

  it("covers every exported core function whose first parameter is a TenantContext", () => {
    const takesContext = Object.entries(core)
      .filter(([, value]) => typeof value === "function")
      .filter(([, fn]) => /^(async\s+)?(function\s*\*?\s*[\w$]*\s*\(\s*ctx\b|\(\s*ctx\b|ctx\s*=>)/.test(Function.prototype.toString.call(fn)))
      .map(([name]) => name)
      .filter((name) => !PURE_PERMISSION_CHECKS.includes(name))
      .sort();
    // Fails when a new tenant service is exported without a case above (or a case names a removed one).
    expect(takesContext).toEqual(Object.keys(CASES).sort());
  });
});
