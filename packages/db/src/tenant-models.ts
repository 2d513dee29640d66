// Models whose rows belong to one organization. Every one of them carries `organizationId`.
// Adding a tenant model to the schema means adding it here; the isolation suite checks this list
// against the schema so a forgotten model fails the build.
export const TENANT_MODELS = ["Membership", "Invitation", "AuditEvent"] as const;

export type TenantModelName = (typeof TENANT_MODELS)[number];

export function isTenantModel(model: string | undefined): model is TenantModelName {
  return model !== undefined && (TENANT_MODELS as readonly string[]).includes(model);
}
