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
