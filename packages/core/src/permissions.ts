// Permissions are data: each role is a set of resource:action grants. Services call `assertCan`.
import type { MembershipRole } from "@hopquy/db";
import { forbidden } from "./errors";

export const RESOURCES = {
  organization: ["read", "update"],
  member: ["read", "invite", "change_role", "remove"],
  audit: ["read", "verify"],
} as const;

export type Resource = keyof typeof RESOURCES;
export type Action<R extends Resource> = (typeof RESOURCES)[R][number];
export type Permission = { [R in Resource]: `${R}:${Action<R>}` }[Resource];

const READ_ONLY: Permission[] = ["organization:read", "member:read"];

export const ROLE_PERMISSIONS: Record<MembershipRole, readonly Permission[]> = {
  owner: [
    ...READ_ONLY,
    "organization:update",
    "member:invite",
    "member:change_role",
    "member:remove",
    "audit:read",
    "audit:verify",
  ],
  manager: [...READ_ONLY, "member:invite", "audit:read", "audit:verify"],
  contributor: [...READ_ONLY],
  viewer: [...READ_ONLY],
};

// Roles a role may hand out in an invitation: nobody below owner can create an owner.
export const INVITABLE_ROLES: Record<MembershipRole, readonly MembershipRole[]> = {
  owner: ["owner", "manager", "contributor", "viewer"],
  manager: ["manager", "contributor", "viewer"],
  contributor: [],
  viewer: [],
};

export function can(ctx: { role: MembershipRole }, permission: Permission): boolean {
  return ROLE_PERMISSIONS[ctx.role].includes(permission);
}

export function assertCan(ctx: { role: MembershipRole }, permission: Permission): void {
  if (!can(ctx, permission)) throw forbidden(`Role ${ctx.role} lacks ${permission}`);
}
