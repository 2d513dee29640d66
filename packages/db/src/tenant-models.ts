// Models whose rows belong to one organization. Every one of them carries `organizationId`.
// Adding a tenant model to the schema means adding it here; the isolation suite checks this list
// against the schema so a forgotten model fails the build.
export const TENANT_MODELS = [
  "Membership",
  "Invitation",
  "AuditEvent",
  "ProductFamily",
  "Sku",
  "FirmwareVersion",
  "Evidence",
  "EvidenceRevision",
  "EvidenceClauseLink",
  "EvidenceSkuLink",
  "Assessment",
  "Notification",
  "RemapRun",
  "DeclarationSubmission",
  "CalendarFeed",
  "ImportRun",
  "ImportColumnPreset",
] as const;

export type TenantModelName = (typeof TENANT_MODELS)[number];

export function isTenantModel(model: string | undefined): model is TenantModelName {
  return model !== undefined && (TENANT_MODELS as readonly string[]).includes(model);
}

// Relation fields that lead from a non-tenant model (User, Organization) into tenant rows.
// Query extensions only see top-level operations, so a nested include/select/where/write through
// one of these would bypass the tenant filter; both access paths refuse them (a test compares this
// list with the schema).
export const TENANT_RELATION_FIELDS = [
  "memberships",
  "invitations",
  "invitationsSent",
  "auditEvents",
  "orgProductFamilies",
  "orgSkus",
  "orgFirmwareVersions",
  "orgEvidence",
  "orgEvidenceRevisions",
  "orgEvidenceClauseLinks",
  "orgEvidenceSkuLinks",
  "orgAssessments",
  "orgNotifications",
  "orgNotificationsReceived",
  "orgRemapRuns",
  "orgDeclarations",
  "orgCalendarFeeds",
  "orgCalendarFeedsOwned",
  "orgImportRuns",
  "orgImportColumnPresets",
] as const;

// The first tenant relation field found anywhere inside a query's arguments, or undefined.
export function findTenantRelation(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findTenantRelation(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if ((TENANT_RELATION_FIELDS as readonly string[]).includes(key)) return key;
    const found = findTenantRelation(inner);
    if (found) return found;
  }
  return undefined;
}
