import { describe, expect, it } from "vitest";
import { platformDb, tenantDb, TENANT_MODELS } from "./index";
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

  it("every schema model with organizationId is registered as a tenant model", () => {
    const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
      .filter(([, , body]) => /^\s+organizationId\s/m.test(body ?? ""))
      .map(([, name]) => name);
    expect([...models].sort()).toEqual([...TENANT_MODELS].sort());
  });
});
