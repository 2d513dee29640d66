export { tenantDb, lockOrganization, scopeTenantArgs, type TenantDb, type TenantTx } from "./tenant-db";
export { platformDb, type PlatformDb } from "./platform-db";
export {
  findMembershipsOfUser,
  findMembershipOfUserBySlug,
  findInvitationByTokenHash,
  findOrganizationsWithEvidenceExpiryWork,
  findOrganizationsForReferenceImpact,
  findUsersWithUnemailedNotifications,
  findCalendarFeedByTokenHash,
} from "./cross-tenant-queries";
export { TENANT_MODELS, isTenantModel, type TenantModelName } from "./tenant-models";
export { disconnectRawClient } from "./raw-client";
export { readDbEnv } from "./env";
export { Prisma } from "./generated/prisma/client";
export type { Organization, User, Membership, Invitation, AuditEvent, LoginAttempt } from "./generated/prisma/client";
export { MembershipRole, OrganizationKind, InvitationStatus, Locale } from "./generated/prisma/enums";
export { pingDatabase } from "./ping-database";
export { advisoryXactLock } from "./advisory-lock";
export type { CatalogVersion, RequirementGroup, Clause, MappingSet, ClauseMapping, RegulatoryTimeline, RegulatoryEvent, RiskList } from "./generated/prisma/client";
export {
  insertAssessments,
  deleteAssessmentsById,
  flagAssessmentsOnClauses,
  flagAssessmentsAt,
  flagRemappedAssessmentsUsingMappings,
  type AssessmentRowInput,
} from "./assessment-writes";
export { updateSkuRiskClasses, type SkuRiskClassRow } from "./sku-risk-class-writes";
export { countSettledAssessments, type SettledAssessmentCounts } from "./settled-assessment-counts";
