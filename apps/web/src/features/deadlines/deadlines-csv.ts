import { csvText, type OrganizationDeadline } from "@hopquy/core";
import type { Locale, Translate } from "@/i18n/translate";
import { countdownText, obligationLabel, reasonText } from "./obligation-text";

// The deadlines page as a spreadsheet, with the same wording as the page (the dictionaries).
export function deadlinesCsv(rows: readonly OrganizationDeadline[], t: Translate, locale: Locale): string {
  const header = [
    t("deadlines.sku"),
    t("skus.hardwareRevision"),
    t("deadlines.obligation"),
    t("deadlines.riskClass"),
    t("deadlines.dueDate"),
    t("deadlines.state"),
    t("deadlines.why"),
  ];
  return csvText([
    header,
    ...rows.map(({ sku, obligation }) => [
      sku.modelCode,
      sku.hardwareRevision,
      obligationLabel(t, obligation),
      t(`riskClasses.${sku.riskClass}`),
      obligation.dueDate ?? "",
      [t(`obligations.states.${obligation.state}`), countdownText(t, obligation)].filter(Boolean).join(" · "),
      obligation.reasons.map((r) => reasonText(t, locale, r)).join("\n"),
    ]),
  ]);
}
