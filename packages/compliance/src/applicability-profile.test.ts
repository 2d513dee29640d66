import { describe, expect, it } from "vitest";
import { applicabilityProfileSchema, CAPABILITIES, CAPABILITY_KEYS, conditionHolds, emptyProfile, unansweredCapabilities } from "./applicability-profile";

describe("applicability profile", () => {
  it("starts with every capability unknown", () => {
    const profile = emptyProfile();
    expect(unansweredCapabilities(profile)).toEqual(CAPABILITY_KEYS);
    for (let condition = 1; condition <= 13; condition++) expect(conditionHolds(profile, condition)).toBeUndefined();
  });

  it("answers every ETSI condition 1..13 from exactly one capability (5 is the negation of 4)", () => {
    const conditions = CAPABILITY_KEYS.map((k) => CAPABILITIES[k].condition).filter((c): c is NonNullable<typeof c> => c !== null);
    expect([...conditions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13]);
    for (const key of CAPABILITY_KEYS) {
      const condition = CAPABILITIES[key].condition;
      if (condition === null) continue;
      const yes = applicabilityProfileSchema.parse({ [key]: true });
      const no = applicabilityProfileSchema.parse({ [key]: false });
      expect(conditionHolds(yes, condition), key).toBe(true);
      expect(conditionHolds(no, condition), key).toBe(false);
    }
    expect(conditionHolds(applicabilityProfileSchema.parse({ constrainedDevice: true }), 5)).toBe(false);
    expect(conditionHolds(applicabilityProfileSchema.parse({ constrainedDevice: false }), 5)).toBe(true);
  });

  it("rejects unknown capabilities and non-boolean answers", () => {
    expect(applicabilityProfileSchema.safeParse({ wifi: true }).success).toBe(false);
    expect(applicabilityProfileSchema.safeParse({ passwordsUsed: "yes" }).success).toBe(false);
  });

  it("unknown conditions are never assumed", () => {
    expect(conditionHolds(emptyProfile(), 99)).toBeUndefined();
  });
});
