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
