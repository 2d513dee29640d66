import { randomBytes } from "node:crypto";
import { platformDb, tenantDb } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { describe, expect, it } from "vitest";
import { inviteMember } from "../invitations/invite-member";
import { auditEventsOf, createTeam, expectAppError, uniqueEmail } from "../testing/fixtures";
import { createOrganizationForUser } from "./create-organization-for-user";
import { getOrganizationOverview } from "./get-organization-overview";
import { listOrganizationsOfUser, resolveTenantContext } from "./resolve-tenant-context";
import { updateOrganization } from "./update-organization";

describe("createOrganizationForUser", () => {
  it("creates the organization with the user as owner and records it", async () => {
    const user = await createTestUser();
    const name = `Công ty Phú Thọ ${randomBytes(3).toString("hex")}`;
    const organization = await createOrganizationForUser(user.id, { name, kind: "consultancy" });

    expect(organization).toMatchObject({ name, kind: "consultancy", slug: `cong-ty-phu-tho-${name.slice(-6)}` });
    const ctx = await resolveTenantContext(user, organization.slug);
    expect(ctx).toEqual({ organizationId: organization.id, organizationSlug: organization.slug, userId: user.id, userEmail: user.email, role: "owner" });
    const [event] = await auditEventsOf(organization.id);
    expect(event).toMatchObject({ seq: 1, action: "organization.created", actorId: user.id, after: { name, kind: "consultancy", slug: organization.slug } });
    expect(await listOrganizationsOfUser(user.id)).toEqual([
      { id: organization.id, slug: organization.slug, name, kind: "consultancy", role: "owner" },
    ]);
  });

  it("gives a taken slug a numbered suffix", async () => {
    const user = await createTestUser();
    const name = `Same Name ${randomBytes(3).toString("hex")}`;
    const first = await createOrganizationForUser(user.id, { name });
    const second = await createOrganizationForUser(user.id, { name });
    const third = await createOrganizationForUser(user.id, { name });
    expect([second.slug, third.slug]).toEqual([`${first.slug}-2`, `${first.slug}-3`]);
  });

  it("two creations racing for one name (a double submit) both succeed, with distinct slugs", async () => {
    const user = await createTestUser();
    const name = `Double Submit ${randomBytes(3).toString("hex")}`;
    const [one, two] = await Promise.all([createOrganizationForUser(user.id, { name }), createOrganizationForUser(user.id, { name })]);
    expect(new Set([one.slug, two.slug]).size).toBe(2);
    expect((await listOrganizationsOfUser(user.id)).map((o) => o.role)).toEqual(["owner", "owner"]);
  });

  it("never hands out a slug reserved for a top-level route", async () => {
    const user = await createTestUser();
    const organization = await createOrganizationForUser(user.id, { name: "Settings" });
    expect(organization.slug).not.toBe("settings");
    expect(organization.slug).toMatch(/^settings-\d+$/);
  });

  it("refuses an unknown user (NOT_FOUND) and invalid input", async () => {
    await expectAppError(createOrganizationForUser("no-such-user", { name: "Valid Name" }), "NOT_FOUND");
    const user = await createTestUser();
    await expect(createOrganizationForUser(user.id, { name: " x " })).rejects.toThrow(/name_too_short/);
    await expect(createOrganizationForUser(user.id, { name: "Valid", kind: "bank" as never })).rejects.toThrow();
  });
});

describe("getOrganizationOverview", () => {
  it("counts members and live pending invitations and shows the 5 latest events", async () => {
    const team = await createTeam();
    for (let i = 0; i < 3; i++) await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    const expired = await inviteMember(team.ctx.owner, { email: uniqueEmail(), role: "viewer" });
    await tenantDb(team.organization.id).invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await updateOrganization(team.ctx.owner, { name: "Overview Co" });
    await updateOrganization(team.ctx.owner, { name: "Overview Co 2" });

    const overview = await getOrganizationOverview(team.ctx.viewer);
    expect(overview.organization).toMatchObject({ id: team.organization.id, name: "Overview Co 2" });
    expect(overview.memberCount).toBe(4);
    expect(overview.pendingInvitations).toBe(3);
    expect(overview.lastEvents.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2]);
  });
});

describe("updateOrganization", () => {
  it("an owner renames the organization; the audit event has before and after", async () => {
    const team = await createTeam();
    const updated = await updateOrganization(team.ctx.owner, { name: "  Tên Mới  ", kind: "importer" });
    expect(updated).toMatchObject({ name: "Tên Mới", kind: "importer", slug: team.organization.slug });
    const [event] = await auditEventsOf(team.organization.id);
    expect(event).toMatchObject({
      action: "organization.updated",
      before: { name: team.organization.name, kind: "manufacturer" },
      after: { name: "Tên Mới", kind: "importer" },
    });
  });

  it.each(["manager", "contributor", "viewer"] as const)("a %s cannot (FORBIDDEN)", async (role) => {
    const team = await createTeam();
    await expectAppError(updateOrganization(team.ctx[role], { name: "Hijacked" }), "FORBIDDEN");
    expect((await platformDb().organization.findUniqueOrThrow({ where: { id: team.organization.id } })).name).toBe(team.organization.name);
  });

  it("rejects an invalid name and writes nothing", async () => {
    const team = await createTeam();
    await expect(updateOrganization(team.ctx.owner, { name: "x" })).rejects.toThrow(/name_too_short/);
    await expect(updateOrganization(team.ctx.owner, { name: "x".repeat(121) })).rejects.toThrow(/name_too_long/);
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });
});
