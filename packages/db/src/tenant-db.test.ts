import { describe, expect, it } from "vitest";
import { scopeTenantArgs } from "./tenant-db";

const ORG = "org_a";
const OTHER = "org_b";

const WHERE_OPERATIONS = [
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
] as const;

const UPDATE_OPERATIONS = ["update", "updateMany", "updateManyAndReturn", "upsert"] as const;

// Upsert carries its changes in `update`; the others in `data`.
function withChanges(operation: (typeof UPDATE_OPERATIONS)[number], changes: Record<string, unknown>) {
  return operation === "upsert"
    ? { where: { id: "x" }, create: { userId: "u", role: "viewer" }, update: changes }
    : { where: { id: "x" }, data: changes };
}

describe("scopeTenantArgs: where", () => {
  it.each(WHERE_OPERATIONS)("%s: adds organizationId to the caller's filter", (operation) => {
    const scoped = scopeTenantArgs(operation, { where: { id: "m1", role: "owner" } }, ORG);
    expect(scoped.where).toEqual({ id: "m1", role: "owner", organizationId: ORG });
  });

  it.each(WHERE_OPERATIONS)("%s: scopes a call without arguments or without where", (operation) => {
    expect(scopeTenantArgs(operation, undefined, ORG).where).toEqual({ organizationId: ORG });
    expect(scopeTenantArgs(operation, { orderBy: { id: "asc" } }, ORG).where).toEqual({ organizationId: ORG });
  });

  it.each(WHERE_OPERATIONS)("%s: overrides a foreign organizationId in the filter", (operation) => {
    const scoped = scopeTenantArgs(operation, { where: { organizationId: OTHER } }, ORG);
    expect(scoped.where).toEqual({ organizationId: ORG });
  });

  it("keeps the other arguments and does not mutate the caller's object", () => {
    const args = { where: { id: "m1" }, select: { id: true }, take: 5 };
    const scoped = scopeTenantArgs("findMany", args, ORG);
    expect(scoped).toEqual({ where: { id: "m1", organizationId: ORG }, select: { id: true }, take: 5 });
    expect(args).toEqual({ where: { id: "m1" }, select: { id: true }, take: 5 });
  });

  it("adds no where to creates", () => {
    expect(scopeTenantArgs("create", { data: { userId: "u" } }, ORG).where).toBeUndefined();
    expect(scopeTenantArgs("createMany", { data: [] }, ORG).where).toBeUndefined();
  });
});

describe("scopeTenantArgs: data of creates", () => {
  it.each(["create", "createMany", "createManyAndReturn"])("%s: sets organizationId on a single row", (operation) => {
    const scoped = scopeTenantArgs(operation, { data: { userId: "u", role: "viewer" } }, ORG);
    expect(scoped.data).toEqual({ userId: "u", role: "viewer", organizationId: ORG });
  });

  it.each(["createMany", "createManyAndReturn"])("%s: sets organizationId on every row", (operation) => {
    const scoped = scopeTenantArgs(operation, { data: [{ userId: "u1" }, { userId: "u2", organizationId: ORG }] }, ORG);
    expect(scoped.data).toEqual([
      { userId: "u1", organizationId: ORG },
      { userId: "u2", organizationId: ORG },
    ]);
  });

  it("create: accepts the tenant's own organizationId spelled out", () => {
    const scoped = scopeTenantArgs("create", { data: { userId: "u", organizationId: ORG } }, ORG);
    expect(scoped.data).toEqual({ userId: "u", organizationId: ORG });
  });

  it("upsert: sets organizationId on the create branch", () => {
    const scoped = scopeTenantArgs("upsert", { where: { id: "x" }, create: { userId: "u" }, update: { role: "viewer" } }, ORG);
    expect(scoped.create).toEqual({ userId: "u", organizationId: ORG });
    expect(scoped.where).toEqual({ id: "x", organizationId: ORG });
    expect(scoped.update).toEqual({ role: "viewer" });
  });

  it.each(["create", "createMany", "createManyAndReturn"])("%s: refuses a foreign organizationId", (operation) => {
    expect(() => scopeTenantArgs(operation, { data: { userId: "u", organizationId: OTHER } }, ORG)).toThrow(
      /another organization/,
    );
  });

  it("createMany: refuses when any one row names a foreign organization", () => {
    expect(() =>
      scopeTenantArgs("createMany", { data: [{ userId: "u1" }, { userId: "u2", organizationId: OTHER }] }, ORG),
    ).toThrow(/another organization/);
  });

  it("upsert: refuses a foreign organizationId on the create branch", () => {
    expect(() =>
      scopeTenantArgs("upsert", { where: { id: "x" }, create: { organizationId: OTHER }, update: {} }, ORG),
    ).toThrow(/another organization/);
  });

  it.each(["create", "createMany", "createManyAndReturn", "upsert"])("%s: refuses the organization relation", (operation) => {
    const row = { userId: "u", organization: { connect: { id: OTHER } } };
    const args = operation === "upsert" ? { where: { id: "x" }, create: row, update: {} } : { data: row };
    expect(() => scopeTenantArgs(operation, args, ORG)).toThrow(/organization relation/);
  });

  it("refuses the organization relation even when it points at the tenant itself", () => {
    expect(() => scopeTenantArgs("create", { data: { organization: { connect: { id: ORG } } } }, ORG)).toThrow(
      /organization relation/,
    );
  });
});

describe("scopeTenantArgs: updates cannot move rows", () => {
  it.each(UPDATE_OPERATIONS)("%s: refuses setting organizationId to another organization", (operation) => {
    expect(() => scopeTenantArgs(operation, withChanges(operation, { organizationId: OTHER }), ORG)).toThrow(
      /cannot be moved to another organization/,
    );
  });

  it.each(UPDATE_OPERATIONS)("%s: refuses reconnecting the organization relation", (operation) => {
    expect(() =>
      scopeTenantArgs(operation, withChanges(operation, { organization: { connect: { id: OTHER } } }), ORG),
    ).toThrow(/cannot be moved to another organization/);
  });

  it.each(UPDATE_OPERATIONS)("%s: allows ordinary changes", (operation) => {
    const scoped = scopeTenantArgs(operation, withChanges(operation, { role: "manager" }), ORG);
    expect(scoped.where).toEqual({ id: "x", organizationId: ORG });
  });
});

describe("scopeTenantArgs: other operations", () => {
  it("passes arguments of operations it does not scope through unchanged", () => {
    const args = { foo: 1 };
    expect(scopeTenantArgs("somethingElse", args, ORG)).toEqual({ foo: 1 });
  });
});
