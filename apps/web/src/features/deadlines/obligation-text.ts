import type { SkuObligation } from "@hopquy/compliance";
import { formatDay } from "@/i18n/format-date";
import type { Locale, MessageKey, Translate } from "@/i18n/translate";

// Reason parameters that are calendar days, formatted for the reader.
const DATE_PARAMS = new Set(["since", "effectiveDate", "plannedLaunchOn", "releaseDate", "declarationFiledOn", "date"]);

export function obligationLabel(t: Translate, obligation: Pick<SkuObligation, "kind" | "reasons">): string {
  const version = obligation.reasons.find((r) => typeof r.version === "string")?.version ?? "";
  return t(`obligations.kinds.${obligation.kind}`, { version: String(version) });
}

export function reasonText(t: Translate, locale: Locale, reason: SkuObligation["reasons"][number]): string {
  const vars: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) {
    if (key === "code" || value === null) continue;
    if (key === "riskClass") vars[key] = t(`riskClasses.${value}` as MessageKey);
    else vars[key] = DATE_PARAMS.has(key) && typeof value === "string" ? formatDay(locale, value) : value;
  }
  return t(`obligations.reasons.${reason.code}` as MessageKey, vars);
}

// "12 days left", "Due today", "3 days overdue"; empty without a date or once met.
export function countdownText(t: Translate, obligation: Pick<SkuObligation, "daysLeft" | "state">): string {
  if (obligation.daysLeft === null || obligation.state === "met" || obligation.state === "not_required") return "";
  if (obligation.daysLeft < 0) return t("obligations.daysOverdue", { days: -obligation.daysLeft });
  if (obligation.daysLeft === 0) return t("obligations.dueToday");
  return t("obligations.daysLeft", { days: obligation.daysLeft });
}
