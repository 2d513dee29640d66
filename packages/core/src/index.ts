export type { TenantContext } from "./context";
export { AppError, isAppError, type AppErrorCode } from "./errors";
export { can, assertCan, ROLE_PERMISSIONS, INVITABLE_ROLES, type Permission } from "./permissions";
export { logger } from "./logger";

export { appendAuditEvent } from "./audit/append-audit-event";
export { verifyAuditChain, type AuditChainResult } from "./audit/verify-audit-chain";
export { listAuditEvents, listAuditEventsInput } from "./audit/list-audit-events";
export { computeAuditHash, canonicalJson, GENESIS_HASH } from "./audit/audit-hash";

export { hashPassword, verifyPassword, passwordSchema, emailSchema } from "./auth/password";
export { verifyCredentials, type CredentialsResult } from "./auth/verify-credentials";
export { LOCKOUT_POLICY } from "./auth/lockout-policy";
export { createFirstOwner, isInstanceEmpty, firstOwnerInput } from "./auth/create-first-owner";

export { createOrganizationForUser } from "./organizations/create-organization-for-user";
export { organizationInput } from "./organizations/organization-input";
export { resolveTenantContext, listOrganizationsOfUser } from "./organizations/resolve-tenant-context";
export { getOrganizationOverview } from "./organizations/get-organization-overview";
export { updateOrganization, updateOrganizationInput } from "./organizations/update-organization";
export { slugify } from "./organizations/slugify";

export { listMembers, listMembersInput } from "./members/list-members";
export { changeMemberRole, changeMemberRoleInput, roleSchema } from "./members/change-member-role";
export { removeMember, removeMemberInput } from "./members/remove-member";

export { inviteMember, inviteMemberInput } from "./invitations/invite-member";
export { listPendingInvitations } from "./invitations/list-invitations";
export { revokeInvitation, revokeInvitationInput } from "./invitations/revoke-invitation";
export {
  describeInvitation,
  acceptInvitationAsUser,
  signUpWithInvitation,
  signUpWithInvitationInput,
} from "./invitations/accept-invitation";

export { loadSessionUser } from "./users/load-session-user";
export { signOutEverywhere } from "./users/sign-out-everywhere";
export { setUserLocale, localeSchema } from "./users/set-user-locale";
export { getCalendarFeedStatus, type CalendarFeedStatus } from "./calendar/get-calendar-feed-status";
export { createOrRotateCalendarFeed } from "./calendar/create-or-rotate-calendar-feed";
export { revokeCalendarFeed } from "./calendar/revoke-calendar-feed";
export { openCalendarFeed, type CalendarFeedContent, type CalendarDeadline } from "./calendar/open-calendar-feed";
export { CALENDAR_FEED_ACTIONS } from "./calendar/calendar-feed-audit";
export type { RegulatoryDate } from "./calendar/list-regulatory-dates";

export { assertPlatformAdmin } from "./catalog/platform-admin";
export { publishCatalogVersion, type PublishMeta } from "./catalog/publish-catalog-version";
export { publishMappingSet } from "./catalog/publish-mapping-set";
export { publishTimeline } from "./catalog/publish-timeline";
export { publishRiskList } from "./risk-lists/publish-risk-list";
export { findRiskListInForce, riskListRulesOf, riskListLabel, type StoredRiskList } from "./risk-lists/risk-list-in-force";
export { applyRiskListPublication, RISK_LIST_APPLIED_ACTION, type RiskListPublicationSummary } from "./risk-lists/apply-risk-list-publication";
// loadShippedReferenceData reads files: import it from "@hopquy/core/catalog/load-shipped-reference-data".
export { importReferenceFile, countReferenceRows, MAX_REFERENCE_FILE_BYTES, type ImportResult } from "./catalog/import-reference-file";
export {
  listCatalogVersions,
  getCatalogVersionTree,
  getClauseWithRelations,
  getCrosswalk,
  compareCatalogVersionWithPrevious,
  compareMappingSetWithPrevious,
  getMappingSet,
} from "./catalog/browse-catalogs";
export { exportCatalogVersion, exportMappingSet, exportRiskList, listRiskLists, exportFormatSchema, type ExportFormat, type ExportedFile } from "./catalog/export-reference-data";
export { setPlatformAdmin } from "./users/set-platform-admin";

export { createSku } from "./skus/create-sku";
export { updateSku, updateSkuCapabilities, setSkuArchived } from "./skus/update-sku";
export { listSkus, listSkusInput } from "./skus/list-skus";
export { getSku } from "./skus/get-sku";
export { addFirmwareVersion } from "./skus/add-firmware-version";
export { createProductFamily, listProductFamilies } from "./skus/product-families";
export { createSkuInput, updateSkuInput, updateSkuCapabilitiesInput, firmwareVersionInput, productFamilyInput } from "./skus/sku-input";
export { RISK_CLASSES, MARKET_STATUSES, DEFAULT_RISK_CLASS_REASONS } from "./skus/sku-input";
export { getSkuObligations } from "./skus/get-sku-obligations";
export { recordDeclaration, setDeclarationStatus } from "./declarations/record-declaration";
export { listSkuDeclarations } from "./declarations/list-sku-declarations";
export { recordDeclarationInput, setDeclarationStatusInput, DECLARATION_ROUTES, DECLARATION_STATUSES, DECLARATION_STATUS_CHANGES } from "./declarations/declaration-input";
export {
  uploadImportFile,
  getImportRun,
  listImportRuns,
  checkImportRun,
  checkImportRunInput,
  startImportRun,
  cancelImportRun,
  markImportRunFailed,
  executeImportRun,
  getRejectedImportRows,
  attachImportArchive,
  IMPORT_KINDS,
  importOptionsSchema,
  type ImportKindName,
  type ImportOptions,
  type ImportRunReport,
  type ImportRunView,
  type ImportUploadResult,
} from "./imports/import-runs";
export { MAX_ARCHIVE_BYTES } from "./imports/import-archive";
export { IMPORT_MODES, ON_EXISTING, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_SHOWN_ISSUES, type ImportMode, type OnExisting, type ImportIssue } from "./imports/import-report";
export { exportSkus, exportSkusInput, SKU_EXPORT_FORMATS, type SkuExportFile } from "./skus/export-skus";

export { EVIDENCE_KINDS, FILELESS_KINDS, createEvidenceInput, updateEvidenceInput, evidenceIdInput, reviewEvidenceInput, linkEvidenceToClauseInput, linkEvidenceToSkuInput, linkIdInput, listEvidenceInput, type EvidenceKindName } from "./evidence/evidence-input";
export { createEvidence, updateEvidence } from "./evidence/create-evidence";
export { submitEvidence, reviewEvidence, reopenEvidence } from "./evidence/review-evidence";
export { linkEvidenceToClause, unlinkEvidenceFromClause, linkEvidenceToSku, unlinkEvidenceFromSku } from "./evidence/link-evidence";
export { uploadEvidenceRevision, openEvidenceRevision, openEvidenceFileByHash, verifyEvidenceRevision, MAX_EVIDENCE_FILE_BYTES, type EvidenceFileDownload } from "./evidence/evidence-files";
export { listEvidence } from "./evidence/list-evidence";
export { getEvidence } from "./evidence/get-evidence";
export { sweepEvidenceExpiry, sweepEvidenceExpiryInput, SYSTEM_ACTOR_EMAIL, type EvidenceExpirySweepSummary } from "./evidence/sweep-evidence-expiry";
export { listNotifications, countUnreadNotifications, type NotificationItem } from "./notifications/list-notifications";
export { markNotificationsRead } from "./notifications/mark-notifications-read";
export { listNotificationsInput, markNotificationsReadInput } from "./notifications/notification-input";
export { NOTIFICATION_KINDS, type NotificationKind, type EvidenceExpiryPayload, type CatalogChangedPayload } from "./notifications/notification-kinds";
export {
  assessCatalogChangeImpact,
  assessCatalogChangeImpactInput,
  type CatalogImpactOptions,
  type CatalogImpactOutcome,
  type CatalogImpactSummary,
} from "./catalog-changes/assess-catalog-change-impact";
export { listCatalogChanges, listCatalogChangesInput, type CatalogChangeItem } from "./catalog-changes/list-catalog-changes";
export { CATALOG_IMPACT_ACTION, type CatalogImpactRecord, type Publication, type RecordedChange } from "./catalog-changes/catalog-impact-record";
export { refreshDerivedAssessments } from "./assessments/refresh-derived-assessments";
export { loadTargetCatalog, getTargetCatalog, TARGET_REGULATION, type TargetCatalog } from "./assessments/target-catalog";
export { isoToday, BUSINESS_TIME_ZONE } from "./assessments/today";
export { ASSESSMENT_STATUSES, decideAssessmentInput, clearAssessmentInput, complianceMatrixInput, type AssessmentStatusName } from "./assessments/assessment-input";
export { decideAssessment, clearAssessmentDecision } from "./assessments/decide-assessment";
export { getComplianceMatrix } from "./assessments/get-compliance-matrix";
export { getSkuCompliance } from "./assessments/get-sku-compliance";
export { getPortfolio } from "./assessments/get-portfolio";
export { summarizeCoverage, type SkuCoverage, type StatusCounts } from "./assessments/summarize-coverage";
export { listClauseChoices } from "./evidence/list-clause-choices";
export { listSkuHistory, listSkuHistoryInput } from "./skus/list-sku-history";
export { previewSkuRemap, applySkuRemap, skuRemapInput } from "./remap/sku-remap";
export {
  startOrganizationRemap,
  startOrganizationRemapInput,
  runOrganizationRemap,
  markRemapRunFailed,
  getRemapRun,
  listRemapRuns,
  REMAP_BATCH_SIZE,
  type RemapRunSummary,
} from "./remap/organization-remap";
export { getGapReport, gapReportInput, GAP_REPORT_BATCH_SIZE } from "./gap-report/get-gap-report";
export { loadOrganizationObligations, type DeadlineSku, type SkuObligations, type OrganizationObligations } from "./deadlines/load-organization-obligations";
export { listOrganizationDeadlines, computeOrganizationDeadlines, compareDeadlines, type OrganizationDeadline } from "./deadlines/list-organization-deadlines";
export { listDeadlinesInput, DEADLINE_STATES, OBLIGATION_KINDS } from "./deadlines/deadline-input";
export { getComplianceDashboard, recordDashboardVisit } from "./deadlines/get-compliance-dashboard";

// E-mail: the outbox (delivery itself is "@hopquy/core/email/deliver-email-message", worker only).
export { writeEmailMessage, writeEmailMessages, emailDedupeKey, type EmailMessageInput, type EmailKind } from "./email/write-email-messages";
export { findDueEmailMessages } from "./email/find-due-email-messages";
export { EMAIL_DELIVERY_POLICY, emailRetryDelayMs } from "./email/email-delivery-policy";
export { recordNotifications, type NotificationRow, type RecordedNotifications } from "./notifications/record-notifications";
export { sendNotificationDigests, sendNotificationDigestsInput, type NotificationDigestSummary } from "./notifications/send-notification-digests";
export {
  NOTIFICATION_DELIVERIES,
  DEFAULT_NOTIFICATION_DELIVERY,
  notificationPreferencesSchema,
  updateNotificationPreferencesInput,
  notificationDeliveryFor,
  effectiveNotificationPreferences,
  type NotificationDelivery,
  type NotificationPreferences,
} from "./notifications/notification-preferences";
export { updateNotificationPreferences, getNotificationPreferences } from "./users/update-notification-preferences";
export { requestPasswordReset, requestPasswordResetInput } from "./auth/request-password-reset";
export { resetPassword, resetPasswordInput } from "./auth/reset-password";
export { PASSWORD_RESET_POLICY } from "./auth/password-reset-policy";
export { changePassword, changePasswordInput } from "./users/change-password";
export { isMailConfigured, readMailEnv } from "@hopquy/mail";
export { csvText } from "./csv-text";
export { sweepDeadlineReminders, sweepOrganizationDeadlines, type DeadlineSweepSummary } from "./deadlines/sweep-deadline-reminders";
export { sweepReminders } from "./notifications/sweep-reminders";
export { getPortfolioDeadlines } from "./deadlines/get-portfolio-deadlines";
