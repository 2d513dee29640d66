import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { assertCan, can, INVITABLE_ROLES, RESOURCES, ROLE_PERMISSIONS, type Permission } from "./permissions";

const ALL_PERMISSIONS = Object.entries(RESOURCES).flatMap(([resource, actions]) =>
  actions.map((action) => `${resource}:${action}` as Permission),
);

// The expected grant table, written out in full so any change to a role shows up here.
const EXPECTED: Record<keyof typeof ROLE_PERMISSIONS, Record<Permission, boolean>> = {
  owner: {
    "organization:read": true,
    "organization:update": true,
    "member:read": true,
    "member:invite": true,
    "member:change_role": true,
    "member:remove": true,
    "audit:read": true,
    "audit:verify": true,
    "sku:read": true,
    "sku:create": true,
    "sku:update": true,
    "sku:archive": true,
    "evidence:read": true,
    "evidence:create": true,
    "evidence:update": true,
    "evidence:submit": true,
    "evidence:review": true,
    "assessment:read": true,
    "assessment:decide": true,
    "notification:read": true,
  "declaration:record": true,
  },
  manager: {
    "organization:read": true,
    "organization:update": false,
    "member:read": true,
    "member:invite": true,
    "member:change_role": false,
    "member:remove": false,
    "audit:read": true,
    "audit:verify": true,
    "sku:read": true,
    "sku:create": true,
    "sku:update": true,
    "sku:archive": true,
    "evidence:read": true,
    "evidence:create": true,
    "evidence:update": true,
    "evidence:submit": true,
    "evidence:review": true,
    "assessment:read": true,
    "assessment:decide": true,
    "notification:read": true,
  "declaration:record": true,
  },
  contributor: {
    "organization:read": true,
    "organization:update": false,
    "member:read": true,
    "member:invite": false,
    "member:change_role": false,
    "member:remove": false,
    "audit:read": false,
    "audit:verify": false,
    "sku:read": true,
    "sku:create": true,
    "sku:update": true,
    "sku:archive": false,
    "evidence:read": true,
    "evidence:create": true,
    "evidence:update": true,
    "evidence:submit": true,
    "evidence:review": false,
    "assessment:read": true,
    "assessment:decide": false,
    "notification:read": true,
  "declaration:record": false,
  },
  viewer: {
    "organization:read": true,
    "organization:update": false,
    "member:read": true,
    "member:invite": false,
    "member:change_role": false,
    "member:remove": false,
    "audit:read": false,
    "audit:verify": false,
    "sku:read": true,
    "sku:create": false,
    "sku:update": false,
    "sku:archive": false,
    "evidence:read": true,
    "evidence:create": false,
    "evidence:update": false,
    "evidence:submit": false,
    "evidence:review": false,
    "assessment:read": true,
    "assessment:decide": false,
    "notification:read": true,
  "declaration:record": false,
  },
};

function thrownCode(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : "not an AppError";
  }
  return undefined;
}

describe("role permissions", () => {
  it("the expected table covers every role and every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(ROLE_PERMISSIONS).sort());
    for (const grants of Object.values(EXPECTED)) {
      expect(Object.keys(grants).sort()).toEqual([...ALL_PERMISSIONS].sort());
    }
  });

  const cases = Object.entries(EXPECTED).flatMap(([role, grants]) =>
    Object.entries(grants).map(([permission, allowed]) => ({ role, permission, allowed })),
  ) as { role: keyof typeof ROLE_PERMISSIONS; permission: Permission; allowed: boolean }[];

  it.each(cases)("$role -> $permission: $allowed", ({ role, permission, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
    if (allowed) {
      expect(() => assertCan({ role }, permission)).not.toThrow();
    } else {
      expect(thrownCode(() => assertCan({ role }, permission))).toBe("FORBIDDEN");
    }
  });

  it("owner holds every permission", () => {
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("viewers only read; contributors additionally edit SKUs and evidence, but neither review nor decide", () => {
    expect(ROLE_PERMISSIONS.viewer.every((p) => p.endsWith(":read"))).toBe(true);
    expect(ROLE_PERMISSIONS.contributor.filter((p) => !p.endsWith(":read")).sort()).toEqual([
      "evidence:create",
      "evidence:submit",
      "evidence:update",
      "sku:create",
      "sku:update",
    ]);
  });

  it("assertCan throws an AppError naming the role and the permission", () => {
    try {
      assertCan({ role: "viewer" }, "member:invite");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/viewer.*member:invite/);
    }
  });
});

describe("INVITABLE_ROLES", () => {
  it("owner may invite every role", () => {
    expect([...INVITABLE_ROLES.owner].sort()).toEqual(["contributor", "manager", "owner", "viewer"]);
  });

  it("manager may invite managers and below but never an owner", () => {
    expect(INVITABLE_ROLES.manager).not.toContain("owner");
    expect([...INVITABLE_ROLES.manager].sort()).toEqual(["contributor", "manager", "viewer"]);
  });

  it("contributor and viewer may invite nobody", () => {
    expect(INVITABLE_ROLES.contributor).toEqual([]);
    expect(INVITABLE_ROLES.viewer).toEqual([]);
  });

  it("every role that may invite someone holds member:invite, and only those", () => {
    for (const role of Object.keys(INVITABLE_ROLES) as (keyof typeof INVITABLE_ROLES)[]) {
      expect(INVITABLE_ROLES[role].length > 0).toBe(can({ role }, "member:invite"));
    }
  });
});
