import { BUSINESS_TIME_ZONE } from "@hopquy/core/assessments/today";
import type { Locale } from "./translate";

const dateLocale = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

// A calendar day (a @db.Date value or an ISO day) as people read it, without drifting a day
// through time zones: such values are stored as UTC midnight.
export function formatDay(locale: Locale, day: Date | string | null | undefined): string {
  if (!day) return "—";
  const date = typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
  return date.toLocaleDateString(dateLocale(locale), { timeZone: "UTC" });
}

// A moment (createdAt, reviewedAt…) in Vietnamese time, whatever the server's time zone.
export function formatDateTime(locale: Locale, date: Date | null | undefined): string {
  return date ? date.toLocaleString(dateLocale(locale), { timeZone: BUSINESS_TIME_ZONE }) : "—";
}
