// Tenant isolation at the entry points: every server action and route handler, called as a member
// of org A against org B's rows, must answer NOT_FOUND/FORBIDDEN (404/403) and leave B unchanged.
// Only the session lookup and Next's cache revalidation are replaced; services and DB are real.
// The suite fails when a new action or route appears without a case here.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createProductFamily, createSku, inviteMember, resolveTenantContext } from "@hopquy/core";
import { tenantDb } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/auth/session";

const session = vi.hoisted(() => ({ current: null as SessionUser | null }));
vi.mock("@/auth/session", () => ({
  getSession: async () => session.current,
  requireSession: async () => {
    if (!session.current) throw new Error("redirect /sign-in");
    return session.current;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));
vi.mock("@/auth/credentials-sign-in", () => ({ signInWithPassword: async () => ({ ok: false, error: { code: "UNAUTHENTICATED" } }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined }), headers: async () => new Headers() }));

const srcDir = path.resolve(import.meta.dirname);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

function asUser(user: { id: string; email: string; name: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, locale: "vi", isPlatformAdmin: false, disabledAt: null, sessionVersion: 0 };
}

// Entry points that are not about one organization's rows, and why.
const NOT_TENANT_SCOPED: Record<string, string> = {
  "auth/signInAction": "credentials check before any tenant is known",
  "auth/setupFirstOwnerAction": "only on an empty instance (covered by core tests)",
  "auth/signUpWithInvitationAction": "bound to the invitation token's own organization",
  "auth/signOutAction": "ends the caller's own session",
  "auth/signOutEverywhereAction": "ends the caller's own sessions",
  "auth/setLocaleAction": "the caller's own preference",
  "api/auth/[...nextauth]": "Auth.js endpoints",
  "api/health": "no tenant data",
  "api/catalog-versions/[versionId]/export": "platform reference data, identical for every tenant (signed-in users only)",
  "api/mapping-sets/[mappingSetId]/export": "platform reference data, identical for every tenant (signed-in users only)",
};

const world = {} as {
  alice: SessionUser;
  orgA: { id: string; slug: string };
  orgB: { id: string; slug: string; name: string };
  bobMembershipId: string;
  carolMembershipId: string;
  bInvitationId: string;
  bInvitationToken: string;
  bSkuId: string;
  bFamilyId: string;
};

async function snapshotOrgB() {
  const db = tenantDb(world.orgB.id);
  const [organization, memberships, invitations, auditCount, skus, families, firmware] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: world.orgB.id } }),
    db.membership.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
    db.sku.findMany({ orderBy: { id: "asc" } }),
    db.productFamily.findMany({ orderBy: { id: "asc" } }),
    db.firmwareVersion.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { organization: { name: organization.name, kind: organization.kind }, memberships, invitations, auditCount, skus, families, firmware };
}

type Case = () => Promise<void>;
const cases: Record<string, Case> = {
  "members/inviteMemberAction": async () => {
    const { inviteMemberAction } = await import("@/features/members/actions");
    const result = await inviteMemberAction(world.orgB.slug, { email: "intruder@example.test", role: "owner" });
    expect(result).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/revokeInvitationAction": async () => {
    const { revokeInvitationAction } = await import("@/features/members/actions");
    expect(await revokeInvitationAction(world.orgA.slug, { invitationId: world.bInvitationId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await revokeInvitationAction(world.orgB.slug, { invitationId: world.bInvitationId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/changeMemberRoleAction": async () => {
    const { changeMemberRoleAction } = await import("@/features/members/actions");
    expect(await changeMemberRoleAction(world.orgA.slug, { membershipId: world.carolMembershipId, role: "owner" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await changeMemberRoleAction(world.orgB.slug, { membershipId: world.carolMembershipId, role: "owner" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "members/removeMemberAction": async () => {
    const { removeMemberAction } = await import("@/features/members/actions");
    expect(await removeMemberAction(world.orgA.slug, { membershipId: world.bobMembershipId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await removeMemberAction(world.orgB.slug, { membershipId: world.bobMembershipId })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "organizations/updateOrganizationAction": async () => {
    const { updateOrganizationAction } = await import("@/features/organizations/actions");
    expect(await updateOrganizationAction(world.orgB.slug, { name: "Hijacked", kind: "importer" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "organizations/createOrganizationAction": async () => {
    // Creates a new organization for the caller only; it must not grant anything in B.
    const { createOrganizationAction } = await import("@/features/organizations/actions");
    const result = await createOrganizationAction({ name: world.orgB.name, kind: "manufacturer" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.slug).not.toBe(world.orgB.slug);
    await expect(resolveTenantContext(world.alice, world.orgB.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  },
  "audit/verifyAuditChainAction": async () => {
    const { verifyAuditChainAction } = await import("@/features/audit/actions");
    expect(await verifyAuditChainAction(world.orgB.slug, {})).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "auth/acceptInvitationAction": async () => {
    // Holding B's invitation link is not enough: it is bound to the invited address.
    const { acceptInvitationAction } = await import("@/features/auth/actions");
    const result = await acceptInvitationAction({ token: world.bInvitationToken });
    expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", reason: "wrong_account" } });
  },
  "skus/createSkuAction": async () => {
    const { createSkuAction } = await import("@/features/skus/actions");
    const intoB = await createSkuAction(world.orgB.slug, { modelCode: "X-1", brand: "X", manufacturer: "X", countryOfOrigin: "VN" });
    expect(intoB).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    const withBFamily = await createSkuAction(world.orgA.slug, { modelCode: "X-1", brand: "X", manufacturer: "X", countryOfOrigin: "VN", familyId: world.bFamilyId });
    expect(withBFamily).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/updateSkuAction": async () => {
    const { updateSkuAction } = await import("@/features/skus/actions");
    const input = { skuId: world.bSkuId, modelCode: "HIJACK", brand: "X", manufacturer: "X", countryOfOrigin: "VN" };
    expect(await updateSkuAction(world.orgA.slug, input)).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await updateSkuAction(world.orgB.slug, input)).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/updateSkuCapabilitiesAction": async () => {
    const { updateSkuCapabilitiesAction } = await import("@/features/skus/actions");
    expect(await updateSkuCapabilitiesAction(world.orgA.slug, { skuId: world.bSkuId, capabilities: { passwordsUsed: false } })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/setSkuArchivedAction": async () => {
    const { setSkuArchivedAction } = await import("@/features/skus/actions");
    expect(await setSkuArchivedAction(world.orgA.slug, { skuId: world.bSkuId, archived: true })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/addFirmwareVersionAction": async () => {
    const { addFirmwareVersionAction } = await import("@/features/skus/actions");
    expect(await addFirmwareVersionAction(world.orgA.slug, { skuId: world.bSkuId, version: "6.6.6" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "skus/createProductFamilyAction": async () => {
    const { createProductFamilyAction } = await import("@/features/skus/actions");
    expect(await createProductFamilyAction(world.orgB.slug, { name: "Intruder family" })).toEqual({ ok: false, error: { code: "NOT_FOUND" } });
  },
  "api/orgs/[orgSlug]/audit-events": async () => {
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    const foreign = await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgB.slug }) });
    expect(foreign.status).toBe(404);
    const own = await GET(new Request("http://test/api?limit=100"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) });
    expect(own.status).toBe(200);
    const body = (await own.json()) as { events: { organizationId: string }[] };
    expect(body.events.length).toBeGreaterThan(0);
    expect(body.events.every((e) => e.organizationId === world.orgA.id)).toBe(true);
  },
  "api/admin/reference-imports": async () => {
    // Platform reference data: only platform administrators may publish, whatever their tenant role.
    const { POST } = await import("@/app/api/admin/reference-imports/route");
    const { countReferenceRows } = await import("@hopquy/core");
    const before = await countReferenceRows();
    const form = new FormData();
    form.set("file", new File(["kind: catalog\n"], "catalog.yaml", { type: "application/yaml" }));
    const response = await POST(new Request("http://test/api/admin/reference-imports", { method: "POST", body: form }), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect(await countReferenceRows()).toEqual(before);
  },
};

beforeAll(async () => {
  const aliceRow = await createTestUser();
  const bobRow = await createTestUser();
  const carolRow = await createTestUser();
  const orgA = await createTestOrganization({ ownerId: aliceRow.id });
  const orgB = await createTestOrganization({ ownerId: bobRow.id, members: [{ userId: carolRow.id, role: "viewer" }] });
  const bob = asUser(bobRow);
  const bCtx = await resolveTenantContext(bob, orgB.slug);
  const { invitation, token } = await inviteMember(bCtx, { email: "dave@example.test", role: "manager" });
  const bFamily = await createProductFamily(bCtx, { name: "B family" });
  const bSku = await createSku(bCtx, { modelCode: "B-1", brand: "B", manufacturer: "B", countryOfOrigin: "CN", familyId: bFamily.id });
  const aCtx = await resolveTenantContext(asUser(aliceRow), orgA.slug);
  await inviteMember(aCtx, { email: "erin@example.test", role: "viewer" });
  const memberships = await tenantDb(orgB.id).membership.findMany();
  world.alice = asUser(aliceRow);
  world.orgA = orgA;
  world.orgB = orgB;
  world.bobMembershipId = memberships.find((m) => m.userId === bobRow.id)!.id;
  world.carolMembershipId = memberships.find((m) => m.userId === carolRow.id)!.id;
  world.bInvitationId = invitation.id;
  world.bInvitationToken = token;
  world.bSkuId = bSku.id;
  world.bFamilyId = bFamily.id;
});

describe("tenant isolation of every server action and route handler", () => {
  const actionFiles = filesNamed(path.join(srcDir, "features"), "actions.ts");
  const routeFiles = filesNamed(path.join(srcDir, "app/api"), "route.ts");

  it("has a case (or a stated reason) for every entry point", async () => {
    const entryPoints: string[] = [];
    for (const file of actionFiles) {
      const feature = path.basename(path.dirname(file));
      const module = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) if (typeof value === "function") entryPoints.push(`${feature}/${name}`);
    }
    for (const file of routeFiles) entryPoints.push(path.relative(path.join(srcDir, "app"), path.dirname(file)));
    const uncovered = entryPoints.filter((e) => !(e in cases) && !(e in NOT_TENANT_SCOPED));
    expect(uncovered).toEqual([]);
    expect(entryPoints.length).toBeGreaterThanOrEqual(Object.keys(cases).length);
  });

  for (const [name, run] of Object.entries(cases)) {
    it(`${name}: a member of A cannot read or change B`, async () => {
      session.current = world.alice;
      const before = await snapshotOrgB();
      await run();
      expect(await snapshotOrgB()).toEqual(before);
    });
  }

  it("unauthenticated calls are refused", async () => {
    session.current = null;
    const { inviteMemberAction } = await import("@/features/members/actions");
    expect(await inviteMemberAction(world.orgA.slug, { email: "x@example.test", role: "viewer" })).toEqual({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    expect((await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) })).status).toBe(401);
  });

  it("roles are enforced at the action boundary", async () => {
    const viewerRow = await createTestUser();
    await tenantDb(world.orgA.id).membership.create({ data: { organizationId: world.orgA.id, userId: viewerRow.id, role: "viewer" } });
    session.current = asUser(viewerRow);
    const { inviteMemberAction, changeMemberRoleAction } = await import("@/features/members/actions");
    const { updateOrganizationAction } = await import("@/features/organizations/actions");
    const { verifyAuditChainAction } = await import("@/features/audit/actions");
    expect(await inviteMemberAction(world.orgA.slug, { email: "y@example.test", role: "viewer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await updateOrganizationAction(world.orgA.slug, { name: "Renamed", kind: "importer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await verifyAuditChainAction(world.orgA.slug, {})).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    const ownerMembership = await tenantDb(world.orgA.id).membership.findFirstOrThrow({ where: { role: "owner" } });
    expect(await changeMemberRoleAction(world.orgA.slug, { membershipId: ownerMembership.id, role: "viewer" })).toEqual({ ok: false, error: { code: "FORBIDDEN" } });
    const { GET } = await import("@/app/api/orgs/[orgSlug]/audit-events/route");
    expect((await GET(new Request("http://test/api"), { params: Promise.resolve({ orgSlug: world.orgA.slug }) })).status).toBe(403);
  });

  it("invalid input gets field errors, not a crash", async () => {
    session.current = world.alice;
    const { inviteMemberAction } = await import("@/features/members/actions");
    const result = await inviteMemberAction(world.orgA.slug, { email: "not-an-email", role: "emperor" as never });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("VALIDATION");
      expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["email", "role"]);
    }
  });
});
