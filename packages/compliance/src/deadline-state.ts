import { daysUntilExpiry } from "./expiry-reminders";

/**
 * Where a dated obligation stands on `today`: met wins (daysLeft still reported when dated); no date
 * is "tbd"; past the due date is overdue; within DUE_SOON_DAYS (inclusive, due date = 0) due_soon.
 * "not_required" is never computed here: it comes from the list, not from the calendar.
 */
export type DeadlineState = "tbd" | "upcoming" | "due_soon" | "overdue" | "met" | "not_required";

export const DUE_SOON_DAYS = 30;

export function deadlineState(dueDate: string | null, today: string, met: boolean): { state: DeadlineState; daysLeft: number | null } {
  // `today` is checked even without a due date: a malformed clock is a bug wherever it shows up.
  const daysLeft = daysUntilExpiry(dueDate ?? today, today);
  if (dueDate === null) return { state: met ? "met" : "tbd", daysLeft: null };
  if (met) return { state: "met", daysLeft };
  if (daysLeft < 0) return { state: "overdue", daysLeft };
  return { state: daysLeft <= DUE_SOON_DAYS ? "due_soon" : "upcoming", daysLeft };
}
