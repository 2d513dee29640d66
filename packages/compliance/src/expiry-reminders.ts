/**
 * Which expiry reminder is due for one evidence and one recipient.
 *
 * - Reminders go out 30, 7 and 1 days before the expiry date. Evidence counts through its expiry date
 *   inclusive, so on the expiry date itself (0 days left) it is still valid and the 1-day reminder is
 *   still due if it was never sent; from the next day on it is expired and handled by the expiry sweep.
 * - Only the tightest threshold reached is due: a sweep that missed days still reminds once, and a
 *   wider threshold is never sent after a tighter one (no "30 days left" after "7 days left").
 * - A threshold already sent is never due again (callers key what was sent by the expiry date, so a
 *   renewed date starts over).
 * - Dates are ISO "YYYY-MM-DD" calendar days; a malformed date throws.
 */

export const EXPIRY_REMINDER_THRESHOLDS = [30, 7, 1] as const;
export type ExpiryReminderThreshold = (typeof EXPIRY_REMINDER_THRESHOLDS)[number];

/** How far ahead the sweep has to look: the widest threshold. */
export const EXPIRY_REMINDER_HORIZON_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`Invalid ISO date: ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March: refuse instead of guessing.
  if (new Date(time).getUTCMonth() !== month - 1 || new Date(time).getUTCDate() !== day) throw new Error(`Invalid ISO date: ${isoDate}`);
  return time / DAY_MS;
}

/** Calendar days from `today` to `expiryDate`: 0 on the expiry date, negative once expired. */
export function daysUntilExpiry(expiryDate: string, today: string): number {
  return dayNumber(expiryDate) - dayNumber(today);
}

/** The ISO date `days` calendar days after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Reminders before any dated deadline (declarations, certifications, re-declarations). */
export const DEADLINE_REMINDER_THRESHOLDS = [30, 7, 1] as const;

/**
 * The reminder threshold to send now for a deadline `daysLeft` days away, or null. Same rule as for
 * expiry: the tightest threshold reached and not yet sent; nothing once past (daysLeft < 0); never a
 * wider threshold after a tighter one was sent.
 */
export function dueReminder(daysLeft: number, sent: readonly number[], thresholds: readonly number[] = DEADLINE_REMINDER_THRESHOLDS): number | null {
  if (!Number.isInteger(daysLeft)) throw new Error(`daysLeft must be a whole number of days: ${daysLeft}`);
  if (daysLeft < 0) return null;
  const reached = [...thresholds].sort((a, b) => a - b).find((threshold) => daysLeft <= threshold);
  if (reached === undefined) return null;
  return sent.some((threshold) => threshold <= reached) ? null : reached;
}

/** The expiry threshold to send now, or null when nothing is due. */
export function dueExpiryReminder(daysLeft: number, sent: readonly number[]): ExpiryReminderThreshold | null {
  return dueReminder(daysLeft, sent, EXPIRY_REMINDER_THRESHOLDS) as ExpiryReminderThreshold | null;
}
