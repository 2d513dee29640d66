// Permissions are data: each role is a set of resource:action grants. Services call `assertCan`.
import type { MembershipRole } from "@hopquy/db";
import { forbidden } from "./errors";

export const RESOURCES = {
  organization: ["read", "update"],
  member: ["read", "invite", "change_role", "remove"],
  audit: ["read", "verify"],
  sku: ["read", "create", "update", "archive"],
  evidence: ["read", "create", "update", "submit", "review"],
  assessment: ["read", "decide"],
  notification: ["read"],
  // Recording a filed declaration meets legal deadlines: the people accountable for them do it.
  declaration: ["record"],
} as const;

export type Resource = keyof typeof RESOURCES;
export type Action<R extends Resource> = (typeof RESOURCES)[R][number];
export type Permission = { [R in Resource]: `${R}:${Action<R>}` }[Resource];

const READ_ONLY: Permission[] = ["organization:read", "member:read", "sku:read", "evidence:read", "assessment:read", "notification:read"];
// Contributors do the daily registry and evidence work; archiving, accepting evidence and deciding
// assessments stay with managers and owners (a reviewer is accountable for the decision).
const SKU_EDITING: Permission[] = ["sku:create", "sku:update", "evidence:create", "evidence:update", "evidence:submit"];
const REVIEWING: Permission[] = ["sku:archive", "evidence:review", "assessment:decide", "declaration:record"];

export const ROLE_PERMISSIONS: Record<MembershipRole, readonly Permission[]> = {
  owner: [
    ...READ_ONLY,
    "organization:update",
    "member:invite",
    "member:change_role",
    "member:remove",
    "audit:read",
    "audit:verify",
    ...SKU_EDITING,
    ...REVIEWING,
  ],
  manager: [...READ_ONLY, "member:invite", "audit:read", "audit:verify", ...SKU_EDITING, ...REVIEWING],
  contributor: [...READ_ONLY, ...SKU_EDITING],
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
