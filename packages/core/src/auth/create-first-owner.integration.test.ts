// First-run setup needs an empty instance, but the run's integration database is shared by every
// test file. So this file switches the process to a database of its own for its duration: the raw
// client is a per-process singleton read from DATABASE_URL, hence the disconnects around the switch.
// The tests below run in order against that one database: the first empties nothing, it fills it.
import { disconnectRawClient, platformDb, tenantDb } from "@hopquy/db";
import { createMigratedTestDatabase, dropTestDatabase } from "@hopquy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";
import { expectAppError } from "../testing/fixtures";
import { createFirstOwner, isInstanceEmpty } from "./create-first-owner";
import { verifyCredentials } from "./verify-credentials";

const PASSWORD = "first owner's long password";
const runUrl = process.env.DATABASE_URL!;
let freshUrl: string | undefined;

beforeAll(async () => {
  freshUrl = await createMigratedTestDatabase(runUrl, "firstrun");
  await disconnectRawClient();
  process.env.DATABASE_URL = freshUrl;
});

afterAll(async () => {
  await disconnectRawClient();
  process.env.DATABASE_URL = runUrl;
  if (freshUrl) await dropTestDatabase(freshUrl);
});

async function rowCounts() {
  const db = platformDb();
  const organizations = await db.organization.findMany({ select: { id: true } });
  let memberships = 0;
  let auditEvents = 0;
  for (const { id } of organizations) {
    memberships += await tenantDb(id).membership.count();
    auditEvents += await tenantDb(id).auditEvent.count();
  }
  return { users: await db.user.count(), organizations: organizations.length, memberships, auditEvents };
}

describe("createFirstOwner (in a database of its own)", () => {
  it("runs against an empty instance", async () => {
    expect(process.env.DATABASE_URL).toBe(freshUrl);
    expect(await isInstanceEmpty()).toBe(true);
    expect(await rowCounts()).toEqual({ users: 0, organizations: 0, memberships: 0, auditEvents: 0 });
  });

  it("of two first visitors racing, exactly one becomes the owner of a new organization", async () => {
    const attempts = await Promise.allSettled([
      createFirstOwner({ email: " Owner.One@Example.test ", name: "Owner One", password: PASSWORD, organizationName: "Công ty Đức Anh" }),
      createFirstOwner({ email: "owner.two@example.test", name: "Owner Two", password: PASSWORD, organizationName: "Second Co", organizationKind: "importer" }),
    ]);
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a) => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    await expectAppError(Promise.reject((lost[0] as PromiseRejectedResult).reason), "CONFLICT");

    const { userId, organization } = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof createFirstOwner>>>).value;
    expect(await rowCounts()).toEqual({ users: 1, organizations: 1, memberships: 1, auditEvents: 1 });
    expect(await isInstanceEmpty()).toBe(false);

    const user = await platformDb().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.isPlatformAdmin).toBe(true);
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(["owner.one@example.test", "owner.two@example.test"]).toContain(user.email); // normalised

    expect(organization.slug).toBe(user.email === "owner.one@example.test" ? "cong-ty-duc-anh" : "second-co");
    const membership = await tenantDb(organization.id).membership.findFirstOrThrow();
    expect(membership).toMatchObject({ userId, role: "owner" });

    const [event] = await tenantDb(organization.id).auditEvent.findMany();
    expect(event).toMatchObject({ seq: 1, action: "organization.created", targetId: organization.id, actorId: userId, actorEmail: user.email });

    const ctx = await resolveTenantContext(user, organization.slug);
    expect(ctx.role).toBe("owner");
    expect(await verifyAuditChain(ctx)).toEqual({ intact: true, checked: 1 });
    expect((await verifyCredentials({ email: user.email, password: PASSWORD, ip: "127.0.0.1" })).ok).toBe(true);
  });

  it("a later setup fails with CONFLICT and writes nothing", async () => {
    const before = await rowCounts();
    const error = await expectAppError(
      createFirstOwner({ email: "late@example.test", name: "Late", password: PASSWORD, organizationName: "Late Co" }),
      "CONFLICT",
    );
    expect(error.details).toEqual({ reason: "already_set_up" });
    expect(await rowCounts()).toEqual(before);
    expect(await platformDb().user.findUnique({ where: { email: "late@example.test" } })).toBeNull();
  });

  it("validates its input before touching the database", async () => {
    await expect(
      createFirstOwner({ email: "not-an-email", name: "X", password: "short", organizationName: "X" }),
    ).rejects.toThrow(/invalid_email|password_too_short|name_too_short/);
  });
});
