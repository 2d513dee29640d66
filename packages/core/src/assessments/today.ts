// Dates in this product are Vietnamese calendar days: an evidence "expires on 2026-12-31" in Hanoi.
export const BUSINESS_TIME_ZONE = "Asia/Ho_Chi_Minh";

export function isoToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// A @db.Date column as the ISO day it stores (Prisma hands it back as UTC midnight).
export function isoDate(value: Date | null | undefined): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}
