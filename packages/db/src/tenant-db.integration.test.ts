import { describe, expect, it } from "vitest";
import { platformDb, tenantDb, TENANT_MODELS } from "./index";
import { TENANT_RELATION_FIELDS } from "./tenant-models";
import { createTestOrganization, createTestUser } from "./testing";
import { readFileSync } from "node:fs";

describe("tenantDb", () => {
  it("only ever sees its own organization's rows", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const orgA = await createTestOrganization({ ownerId: alice.id });
    const orgB = await createTestOrganization({ ownerId: bob.id });
    const dbA = tenantDb(orgA.id);

    const visible = await dbA.membership.findMany();
    expect(visible.map((m) => m.userId)).toEqual([alice.id]);

    const bobMembership = await tenantDb(orgB.id).membership.findFirstOrThrow();
    expect(await dbA.membership.findUnique({ where: { id: bobMembership.id } })).toBeNull();
    await expect(dbA.membership.update({ where: { id: bobMembership.id }, data: { role: "viewer" } })).rejects.toThrow();
    expect((await dbA.membership.updateMany({ where: { id: bobMembership.id }, data: { role: "viewer" } })).count).toBe(0);
    expect((await dbA.membership.deleteMany({ where: { id: bobMembership.id } })).count).toBe(0);
    // An explicit foreign organizationId in the filter is overridden, not obeyed.
    expect(await dbA.membership.findMany({ where: { organizationId: orgB.id } })).toHaveLength(1);
    expect((await dbA.membership.findMany({ where: { organizationId: orgB.id } }))[0]?.userId).toBe(alice.id);

    const unchanged = await tenantDb(orgB.id).membership.findUniqueOrThrow({ where: { id: bobMembership.id } });
    expect(unchanged.role).toBe("owner");
  });

  it("refuses to create rows in another organization", async () => {
    const user = await createTestUser();
    const orgA = await createTestOrganization();
    const orgB = await createTestOrganization();
    await expect(
      tenantDb(orgA.id).membership.create({ data: { organizationId: orgB.id, userId: user.id, role: "viewer" } }),
    ).rejects.toThrow(/another organization/);
    expect(await tenantDb(orgB.id).membership.count()).toBe(0);
    await expect(
      tenantDb(orgA.id).membership.update({ where: { organizationId_userId: { organizationId: orgA.id, userId: user.id } }, data: { organizationId: orgB.id } }),
    ).rejects.toThrow(/another organization/);
  });

  it("refuses to move an existing row to another organization through upsert", async () => {
    const user = await createTestUser();
    const orgA = await createTestOrganization({ ownerId: user.id });
    const orgB = await createTestOrganization();
    const key = { organizationId_userId: { organizationId: orgA.id, userId: user.id } };
    await expect(
      tenantDb(orgA.id).membership.upsert({ where: key, create: { organizationId: orgA.id, userId: user.id, role: "viewer" }, update: { organizationId: orgB.id } }),
    ).rejects.toThrow(/another organization/);
    await expect(
      tenantDb(orgA.id).membership.upsert({ where: key, create: { organizationId: orgA.id, userId: user.id, role: "viewer" }, update: { organization: { connect: { id: orgB.id } } } }),
    ).rejects.toThrow(/another organization/);
    expect(await tenantDb(orgB.id).membership.count()).toBe(0);
    expect((await tenantDb(orgA.id).membership.findUniqueOrThrow({ where: key })).role).toBe("owner");
  });

  it("organization access is pinned to the tenant", async () => {
    const orgA = await createTestOrganization();
    const orgB = await createTestOrganization();
    const seen = await tenantDb(orgA.id).organization.findFirst({ where: { id: orgB.id } });
    expect(seen?.id).toBe(orgA.id);
    await expect(tenantDb(orgA.id).organization.findMany()).rejects.toThrow(/not available/);
  });

  it("platformDb refuses tenant models", async () => {
    await expect(platformDb().membership.findMany()).rejects.toThrow(/tenantDb/);
    await expect(platformDb().auditEvent.count()).rejects.toThrow(/tenantDb/);
  });

  it("every schema model with a required organizationId is registered as a tenant model", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    // An optional organizationId (EmailMessage: password resets and digests belong to no tenant)
    // marks a platform table that only refers to an organization.
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+organizationId\s+String\s/m.test(body ?? ""))
      .map(([, name]) => name);
    expect([...models].sort()).toEqual([...TENANT_MODELS].sort());
    expect([...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].filter(([, , body]) => /^\s+organizationId\s+String\?/m.test(body ?? "")).map(([, name]) => name)).toEqual(["EmailMessage"]);
  });

  it("nested queries cannot reach another organization's rows through User or Organization", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const orgA = await createTestOrganization({ ownerId: alice.id });
    const orgB = await createTestOrganization({ ownerId: bob.id, members: [{ userId: alice.id, role: "viewer" }] });
    const bobMembership = await tenantDb(orgB.id).membership.findFirstOrThrow({ where: { userId: bob.id } });
    const dbA = tenantDb(orgA.id);

    // Alice belongs to B too: reading her memberships through User would show B's row.
    await expect(dbA.user.findUnique({ where: { id: alice.id }, include: { memberships: true } })).rejects.toThrow(/nested query/);
    await expect(dbA.membership.findMany({ include: { user: { include: { memberships: true } } } })).rejects.toThrow(/nested query/);
    await expect(dbA.user.findMany({ where: { memberships: { some: { organizationId: orgB.id } } } })).rejects.toThrow(/nested query/);
    // A nested connect would move B's membership into A.
    await expect(
      dbA.organization.update({ where: { id: orgA.id }, data: { memberships: { connect: { id: bobMembership.id } } } }),
    ).rejects.toThrow(/nested query/);
    await expect(platformDb().user.findUnique({ where: { id: alice.id }, include: { memberships: true } })).rejects.toThrow(/tenantDb/);

    // The pinned organization may still list its own members directly.
    const own = await dbA.organization.findUniqueOrThrow({ where: { id: orgA.id }, include: { memberships: true } });
    expect(own.memberships.map((m) => m.userId)).toEqual([alice.id]);
    expect((await tenantDb(orgB.id).membership.findUniqueOrThrow({ where: { id: bobMembership.id } })).organizationId).toBe(orgB.id);
  });

  it("lists every relation field that leads from a non-tenant model into tenant rows", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    const tenant = new Set<string>(TENANT_MODELS);
    const fields = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, name]) => !tenant.has(name!))
      .flatMap(([, , body]) =>
        [...(body ?? "").matchAll(/^\s+(\w+)\s+(\w+)(\[\])?\??\s/gm)].filter(([, , type]) => tenant.has(type!)).map(([, field]) => field!),
      );
    expect([...new Set(fields)].sort()).toEqual([...TENANT_RELATION_FIELDS].sort());
  });
});
