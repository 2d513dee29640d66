import type { AssessmentStatusName } from "@hopquy/core";

export const CELL_TONES = ["gap", "partial", "complete", "active", "idle"] as const;
export type CellTone = (typeof CELL_TONES)[number];

// Worst news wins: one gap makes the whole group red, whatever else is settled. "Complete" needs at
// least one clause, so an empty group never looks done.
export function cellTone(counts: Record<AssessmentStatusName, number>): CellTone {
  if (counts.gap > 0) return "gap";
  if (counts.partial > 0) return "partial";
  const clauses = counts.not_started + counts.in_progress + counts.covered + counts.not_applicable;
  if (clauses > 0 && counts.covered + counts.not_applicable === clauses) return "complete";
  if (counts.covered > 0 || counts.in_progress > 0) return "active";
  return "idle";
}

export const TONE_CLASSES: Record<CellTone, string> = {
  gap: "bg-red-100 text-red-900",
  partial: "bg-amber-100 text-amber-900",
  complete: "bg-green-100 text-green-900",
  active: "bg-blue-100 text-blue-900",
  idle: "bg-slate-100 text-slate-600",
};

// A shape next to the colour, so the state does not depend on colour vision alone.
export const TONE_GLYPHS: Record<CellTone, string> = { gap: "✕", partial: "◐", complete: "✓", active: "…", idle: "○" };
