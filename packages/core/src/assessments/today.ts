// Dates in this product are Vietnamese calendar days: an evidence "expires on 2026-12-31" in Hanoi.
export const BUSINESS_TIME_ZONE = "Asia/Ho_Chi_Minh";

export function isoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// The other way: an ISO day as the value a @db.Date column stores (UTC midnight); empty stays null.
export function dateOfIsoDay(day: string): Date;
export function dateOfIsoDay(day: string | null | undefined): Date | null;
export function dateOfIsoDay(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

// A @db.Date column as the ISO day it stores (Prisma hands it back as UTC midnight).
export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}
