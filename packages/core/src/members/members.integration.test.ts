import { tenantDb, type MembershipRole } from "@hopquy/db";
import { createTestUser } from "@hopquy/db/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";
import { auditEventsOf, createTeam, expectAppError, type TestTeam } from "../testing/fixtures";
import { changeMemberRole } from "./change-member-role";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";

let team: TestTeam;
beforeEach(async () => {
  team = await createTeam();
});

async function membershipIdOf(role: MembershipRole): Promise<string> {
  const { organization, users } = team;
  const m = await tenantDb(organization.id).membership.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId: organization.id, userId: users[role].id } },
  });
  return m.id;
}

const rolesOf = async (organizationId: string) =>
  Object.fromEntries((await tenantDb(organizationId).membership.findMany()).map((m) => [m.userId, m.role]));

describe("changeMemberRole", () => {
  it("an owner changes a role; the audit event records before and after", async () => {
    const membershipId = await membershipIdOf("viewer");
    const updated = await changeMemberRole(team.ctx.owner, { membershipId, role: "manager" });
    expect(updated.role).toBe("manager");

    const [event] = await auditEventsOf(team.organization.id);
    expect(event).toMatchObject({
      action: "member.role_changed",
      targetType: "membership",
      targetId: membershipId,
      actorId: team.users.owner.id,
      actorEmail: team.users.owner.email,
      before: { role: "viewer", userId: team.users.viewer.id },
      after: { role: "manager", userId: team.users.viewer.id },
    });
    expect((await resolveTenantContext(team.users.viewer, team.organization.slug)).role).toBe("manager");
  });

  it.each(["manager", "contributor", "viewer"] as const)("a %s cannot change roles (FORBIDDEN)", async (role) => {
    const membershipId = await membershipIdOf("contributor");
    const before = await rolesOf(team.organization.id);
    await expectAppError(changeMemberRole(team.ctx[role], { membershipId, role: "manager" }), "FORBIDDEN");
    expect(await rolesOf(team.organization.id)).toEqual(before);
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });

  it("setting the role a member already has changes nothing and records nothing", async () => {
    const membershipId = await membershipIdOf("viewer");
    expect((await changeMemberRole(team.ctx.owner, { membershipId, role: "viewer" })).role).toBe("viewer");
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });

  it("an unknown membership is NOT_FOUND", async () => {
    await expectAppError(changeMemberRole(team.ctx.owner, { membershipId: "nope", role: "viewer" }), "NOT_FOUND");
  });

  it("the last owner cannot be demoted (CONFLICT), not even by themselves", async () => {
    const ownerMembershipId = await membershipIdOf("owner");
    const error = await expectAppError(changeMemberRole(team.ctx.owner, { membershipId: ownerMembershipId, role: "manager" }), "CONFLICT");
    expect(error.details).toEqual({ reason: "last_owner" });
    expect((await tenantDb(team.organization.id).membership.findUniqueOrThrow({ where: { id: ownerMembershipId } })).role).toBe("owner");
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });

  it("with a second owner, an owner may step down; the remaining owner is then the last", async () => {
    const managerMembershipId = await membershipIdOf("manager");
    const ownerMembershipId = await membershipIdOf("owner");
    await changeMemberRole(team.ctx.owner, { membershipId: managerMembershipId, role: "owner" });
    const secondOwnerCtx = await resolveTenantContext(team.users.manager, team.organization.slug);

    await changeMemberRole(team.ctx.owner, { membershipId: ownerMembershipId, role: "viewer" });
    expect((await rolesOf(team.organization.id))[team.users.owner.id]).toBe("viewer");
    await expectAppError(changeMemberRole(secondOwnerCtx, { membershipId: managerMembershipId, role: "viewer" }), "CONFLICT");
  });

  it("two owners demoting each other at once: exactly one succeeds, an owner always remains", async () => {
    const a = await membershipIdOf("owner");
    const b = await membershipIdOf("manager");
    await changeMemberRole(team.ctx.owner, { membershipId: b, role: "owner" });
    const ctxB = await resolveTenantContext(team.users.manager, team.organization.slug);

    const results = await Promise.allSettled([
      changeMemberRole(team.ctx.owner, { membershipId: b, role: "viewer" }),
      changeMemberRole(ctxB, { membershipId: a, role: "viewer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await tenantDb(team.organization.id).membership.count({ where: { role: "owner" } })).toBe(1);
  });
});

describe("removeMember", () => {
  it("an owner removes a member; the audit event records who it was", async () => {
    const membershipId = await membershipIdOf("contributor");
    await removeMember(team.ctx.owner, { membershipId });
    expect(await tenantDb(team.organization.id).membership.findUnique({ where: { id: membershipId } })).toBeNull();
    await expectAppError(resolveTenantContext(team.users.contributor, team.organization.slug), "NOT_FOUND");

    const [event] = await auditEventsOf(team.organization.id);
    expect(event).toMatchObject({
      action: "member.removed",
      targetId: membershipId,
      actorId: team.users.owner.id,
      before: { userId: team.users.contributor.id, email: team.users.contributor.email, role: "contributor" },
      after: null,
    });
  });

  it.each(["manager", "contributor", "viewer"] as const)("a %s cannot remove members (FORBIDDEN)", async (role) => {
    const membershipId = await membershipIdOf("viewer");
    await expectAppError(removeMember(team.ctx[role], { membershipId }), "FORBIDDEN");
    expect(await tenantDb(team.organization.id).membership.count()).toBe(4);
  });

  it("the last owner cannot be removed (CONFLICT)", async () => {
    const ownerMembershipId = await membershipIdOf("owner");
    const error = await expectAppError(removeMember(team.ctx.owner, { membershipId: ownerMembershipId }), "CONFLICT");
    expect(error.details).toEqual({ reason: "last_owner" });
    expect(await tenantDb(team.organization.id).membership.count()).toBe(4);
    expect(await auditEventsOf(team.organization.id)).toEqual([]);
  });

  it("an owner can be removed while another owner remains", async () => {
    const managerMembershipId = await membershipIdOf("manager");
    await changeMemberRole(team.ctx.owner, { membershipId: managerMembershipId, role: "owner" });
    await removeMember(team.ctx.owner, { membershipId: await membershipIdOf("owner") });
    expect(await tenantDb(team.organization.id).membership.count({ where: { role: "owner" } })).toBe(1);
  });

  it("an unknown membership is NOT_FOUND", async () => {
    await expectAppError(removeMember(team.ctx.owner, { membershipId: "nope" }), "NOT_FOUND");
  });
});

describe("listMembers", () => {
  it("every role may list members, with their user's e-mail and name", async () => {
    for (const role of ["owner", "manager", "contributor", "viewer"] as const) {
      const { members, nextCursor } = await listMembers(team.ctx[role]);
      expect(members.map((m) => m.user.email).sort()).toEqual(Object.values(team.users).map((u) => u.email).sort());
      expect(nextCursor).toBeUndefined();
    }
  });

  it("pages through members with a cursor, each member exactly once", async () => {
    const extra = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    for (const user of extra) {
      await tenantDb(team.organization.id).membership.create({ data: { organizationId: team.organization.id, userId: user.id, role: "viewer" } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMembers(team.ctx.viewer, { limit: 3, cursor });
      seen.push(...page.members.map((m) => m.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});
