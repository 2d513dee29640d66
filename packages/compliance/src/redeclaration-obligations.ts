import { deadlineState } from "./deadline-state";
import { addDays, daysUntilExpiry } from "./expiry-reminders";
import type { RiskClassObligationRules } from "./risk-classification";
import type { ObligationInputDeclaration, ObligationReason, ObligationSource, SkuObligation, SkuObligationsInput } from "./sku-obligation-types";

interface RedeclarationContext {
  today: string;
  rules: RiskClassObligationRules;
  firmware: SkuObligationsInput["firmware"];
  /** Non-withdrawn declarations, earliest first; the first one is the declaration that met the duty. */
  declarations: readonly ObligationInputDeclaration[];
  source: ObligationSource;
}

/**
 * One re-declaration per firmware version released after the first declaration (an unknown release
 * date cannot be ruled out, so it is listed as TBD). The firmware that first declaration names is the
 * declared one, not a new version. Met by a declaration naming that firmware or filed on/after its release.
 */
export function redeclarationObligations(context: RedeclarationContext): SkuObligation[] {
  const { rules, declarations } = context;
  const first = declarations[0];
  if (first === undefined || rules.redeclareOnNewFirmware === "no") return [];

  const versions = context.firmware.filter(
    (fw) => fw.id !== first.firmwareVersionId && (fw.releaseDate === null || daysUntilExpiry(fw.releaseDate, first.filedOn) > 0),
  );
  return sortByRelease(versions).map((fw) => {
    const metBy =
      declarations.find((d) => d.firmwareVersionId === fw.id || (fw.releaseDate !== null && daysUntilExpiry(d.filedOn, fw.releaseDate) >= 0))?.id ?? null;
    const reasons: ObligationReason[] =
      fw.releaseDate === null
        ? [{ code: "release_date_unknown", version: fw.version }]
        : [{ code: "firmware_released", version: fw.version, releaseDate: fw.releaseDate, declarationFiledOn: first.filedOn }];
    if (fw.releaseDate !== null && rules.redeclareWithinDays === null) reasons.push({ code: "redeclare_days_unknown" });
    if (rules.redeclareOnNewFirmware === "unknown") reasons.push({ code: "redeclaration_requirement_unknown" });
    const dueDate = fw.releaseDate === null || rules.redeclareWithinDays === null ? null : addDays(fw.releaseDate, rules.redeclareWithinDays);
    return {
      key: `redeclaration:${fw.id}`,
      kind: "redeclaration" as const,
      required: rules.redeclareOnNewFirmware,
      dueDate,
      dueRule: "firmware_plus_days" as const,
      ...deadlineState(dueDate, context.today, metBy !== null),
      metBy,
      firmwareVersionId: fw.id,
      reasons,
      source: context.source,
    };
  });
}

// Release date, unknown last, then id: the order does not depend on the input order.
function sortByRelease<T extends { id: string; releaseDate: string | null }>(firmware: readonly T[]): T[] {
  return [...firmware].sort((a, b) => {
    if (a.releaseDate !== b.releaseDate) {
      if (a.releaseDate === null) return 1;
      if (b.releaseDate === null) return -1;
      return daysUntilExpiry(a.releaseDate, b.releaseDate);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
