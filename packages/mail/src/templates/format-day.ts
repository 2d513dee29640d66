import type { MailLocale } from "../mail-content";

// Calendar days (ISO yyyy-mm-dd) as people read them: 10/02/2034 in Vietnamese, 10 February 2034 in English.
export function formatDay(locale: MailLocale, isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { timeZone: "UTC", day: "2-digit", month: locale === "vi" ? "2-digit" : "long", year: "numeric" }).format(date);
}
