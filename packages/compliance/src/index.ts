// Pure compliance rules: no I/O. Callers pass data in, get decisions (with reasons) out.
export {
  CAPABILITIES,
  CAPABILITY_KEYS,
  applicabilityProfileSchema,
  conditionHolds,
  emptyProfile,
  unansweredCapabilities,
  type ApplicabilityProfile,
  type Capability,
} from "./applicability-profile";
export {
  deriveClauseAssessments,
  statusRank,
  type AssessmentExplanation,
  type DerivationClause,
  type DerivationEvidence,
  type DerivationInput,
  type DerivedAssessment,
  type DerivedStatus,
  type EvidenceReviewState,
  type EvidenceVerdict,
  type ExplainedEvidence,
} from "./derive-assessments";
export {
  EXPIRY_REMINDER_HORIZON_DAYS,
  EXPIRY_REMINDER_THRESHOLDS,
  addDays,
  daysUntilExpiry,
  dueExpiryReminder,
  type ExpiryReminderThreshold,
} from "./expiry-reminders";
export {
  RemapGraph,
  remapSku,
  DEFAULT_MAX_DEPTH,
  type RemapClause,
  type RemapMapping,
  type RemapEvidence,
  type RemapSkuInput,
  type RemapProposal,
  type RemapStatus,
  type RemapExplanation,
  type SupportPath,
  type ChainStep,
  type ExistingAssessment,
  type RetestFlag,
  type MappingRelationName,
} from "./remap-engine";
