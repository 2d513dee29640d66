// Rounded down, so 100 % only ever means "every clause settled"; the epsilon absorbs float noise
// (0.29 * 100 is 28.999…).
export function progressPercent(progress: number): number {
  if (!Number.isFinite(progress) || progress <= 0) return 0;
  return Math.min(100, Math.floor(progress * 100 + 1e-9));
}
