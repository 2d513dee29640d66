import { z } from "zod";

// What a camera can do, as its manufacturer declares it. Each capability is yes / no / unknown
// (null): unknown never silently makes a conditional clause "not applicable".
// `condition` is the ETSI EN 303 645 V2.1.1 Annex B condition number it answers (packages/catalog
// data: etsi-en-303-645-v2.1.1.yaml `conditions`); capabilities without one inform other rules.
export const CAPABILITIES = {
  passwordsUsed: { condition: 1, label: { vi: "Sử dụng mật khẩu", en: "Passwords are used" } },
  preInstalledPasswords: { condition: 2, label: { vi: "Có mật khẩu cài sẵn", en: "Pre-installed passwords are used" } },
  softwareNotUpdatable: { condition: 3, label: { vi: "Phần mềm không thể cập nhật", en: "Software components are not updateable" } },
  constrainedDevice: { condition: 4, label: { vi: "Thiết bị hạn chế tài nguyên", en: "The device is constrained" } },
  telemetryCollected: { condition: 6, label: { vi: "Thu thập dữ liệu đo xa (telemetry)", en: "Telemetry data is collected" } },
  consentBasedProcessing: { condition: 7, label: { vi: "Xử lý dữ liệu cá nhân dựa trên sự đồng ý", en: "Personal data processed on the basis of consent" } },
  userAuthentication: { condition: 8, label: { vi: "Cho phép xác thực người dùng", en: "The device allows user authentication" } },
  automaticUpdates: { condition: 9, label: { vi: "Tự động cập nhật / thông báo cập nhật", en: "Automatic updates and/or update notifications" } },
  hardCodedIdentity: { condition: 10, label: { vi: "Định danh duy nhất gắn cứng", en: "Hard-coded unique per-device identity" } },
  updatesOverNetwork: { condition: 11, label: { vi: "Cập nhật qua giao diện mạng", en: "Updates delivered over a network interface" } },
  updateMechanism: { condition: 12, label: { vi: "Có cơ chế cập nhật", en: "An update mechanism is implemented" } },
  debugInterfaceAccessible: { condition: 13, label: { vi: "Cổng gỡ lỗi tiếp cận được về vật lý", en: "A debug interface is physically accessible" } },
  personalDataProcessed: { condition: null, label: { vi: "Xử lý dữ liệu cá nhân", en: "Personal data is processed" } },
  cloudOrP2PService: { condition: null, label: { vi: "Dùng dịch vụ đám mây / P2P", en: "Uses a cloud or P2P service" } },
} as const;

export type Capability = keyof typeof CAPABILITIES;
export const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as Capability[];

const answer = z.boolean().nullable().default(null);

export const applicabilityProfileSchema = z.strictObject(
  Object.fromEntries(CAPABILITY_KEYS.map((key) => [key, answer])) as Record<Capability, typeof answer>,
);

export type ApplicabilityProfile = z.infer<typeof applicabilityProfileSchema>;

export function emptyProfile(): ApplicabilityProfile {
  return applicabilityProfileSchema.parse({});
}

// Whether ETSI condition n holds for this profile: true, false, or undefined when not yet known.
// Condition 5 ("not constrained") is the negation of 4.
export function conditionHolds(profile: ApplicabilityProfile, condition: number): boolean | undefined {
  if (condition === 5) {
    const constrained = profile.constrainedDevice;
    return constrained === null ? undefined : !constrained;
  }
  const key = CAPABILITY_KEYS.find((k) => CAPABILITIES[k].condition === condition);
  if (!key) return undefined;
  const value = profile[key];
  return value === null ? undefined : value;
}

// Profiles in a form a person can check: which answers are still missing.
export function unansweredCapabilities(profile: ApplicabilityProfile): Capability[] {
  return CAPABILITY_KEYS.filter((key) => profile[key] === null);
}
