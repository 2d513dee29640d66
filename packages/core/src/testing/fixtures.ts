// Helpers for core's integration tests (never imported by application code).
import { randomBytes } from "node:crypto";
import { tenantDb, type MembershipRole } from "@hopquy/db";
import { createTestOrganization, createTestUser } from "@hopquy/db/testing";
import { expect } from "vitest";
import type { TenantContext } from "../context";
import { AppError, type AppErrorCode } from "../errors";
import { resolveTenantContext } from "../organizations/resolve-tenant-context";

export type TestUser = Awaited<ReturnType<typeof createTestUser>>;

export interface TestTeam {
  organization: Awaited<ReturnType<typeof createTestOrganization>>;
  users: Record<MembershipRole, TestUser>;
  ctx: Record<MembershipRole, TenantContext>;
}

// An organization with one member of every role, and each member's context resolved the real way.
export async function createTeam(): Promise<TestTeam> {
  const [owner, manager, contributor, viewer] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser()]);
  const users = { owner: owner!, manager: manager!, contributor: contributor!, viewer: viewer! };
  const organization = await createTestOrganization({
    ownerId: users.owner.id,
    members: [
      { userId: users.manager.id, role: "manager" },
      { userId: users.contributor.id, role: "contributor" },
      { userId: users.viewer.id, role: "viewer" },
    ],
  });
  const entries = await Promise.all(
    (Object.keys(users) as MembershipRole[]).map(async (role) => [role, await resolveTenantContext(users[role], organization.slug)] as const),
  );
  return { organization, users, ctx: Object.fromEntries(entries) as Record<MembershipRole, TenantContext> };
}

// Resolves to the AppError the promise rejected with, after checking its code.
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`Expected AppError ${code}, but the call succeeded`);
  expect(outcome.error).toBeInstanceOf(AppError);
  expect((outcome.error as AppError).code).toBe(code);
  return outcome.error as AppError;
}

export function auditEventsOf(organizationId: string) {
  return tenantDb(organizationId).auditEvent.findMany({ orderBy: { seq: "asc" } });
}

export function uniqueEmail(label = "person"): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

// Sign-in tests count failures per IP across the whole (shared) test database: give each test its own.
export function uniqueIp(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}
