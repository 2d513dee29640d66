// Test factories: fresh, uniquely named rows per test so tests never depend on each other.
import { randomBytes } from "node:crypto";
import { getRawClient } from "../raw-client";
import type { MembershipRole } from "../generated/prisma/enums";

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export async function createTestUser(options: { email?: string; name?: string; passwordHash?: string } = {}) {
  const suffix = uniqueSuffix();
  return getRawClient().user.create({
    data: {
      email: options.email ?? `user-${suffix}@example.test`,
      name: options.name ?? `User ${suffix}`,
      // Not a usable hash: factories create users that sign in only when a test sets a real one.
      passwordHash: options.passwordHash ?? "!unusable",
    },
  });
}

export async function createTestOrganization(options: { ownerId?: string; members?: { userId: string; role: MembershipRole }[] } = {}) {
  const suffix = uniqueSuffix();
  const members = [
    ...(options.ownerId ? [{ userId: options.ownerId, role: "owner" as MembershipRole }] : []),
    ...(options.members ?? []),
  ];
  return getRawClient().organization.create({
    data: {
      slug: `org-${suffix}`,
      name: `Org ${suffix}`,
      memberships: { create: members },
    },
  });
}
