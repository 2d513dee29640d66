/**
 * Clause status in the notation of the EN 303 645 ICS (Annex B), normalised:
 * "M", "R", "M C (1)", "R C (9, 12)" and, for V3.x feature conditions, "M F (a)" or "M C (14) F (e)".
 * The status text and the clause's `conditions` / `features` lists must agree.
 */
export interface ClauseStatus {
  obligation: "M" | "R";
  conditions: number[];
  features: string[];
}

const STATUS_PATTERN = /^(M|R)(?: C \((\d+(?:, \d+)*)\))?(?: F \(([a-z]+(?:, [a-z]+)*)\))?$/;

export function parseClauseStatus(status: string): ClauseStatus | undefined {
  const match = STATUS_PATTERN.exec(status);
  if (!match) return undefined;
  return {
    obligation: match[1] === "M" ? "M" : "R",
    conditions: match[2] ? match[2].split(", ").map(Number) : [],
    features: match[3] ? match[3].split(", ") : [],
  };
}

export function formatClauseStatus(status: ClauseStatus): string {
  let text: string = status.obligation;
  if (status.conditions.length > 0) text += ` C (${status.conditions.join(", ")})`;
  if (status.features.length > 0) text += ` F (${status.features.join(", ")})`;
  return text;
}

/** Mandatory means the base letter is M, whether or not conditions apply. */
export function isMandatoryStatus(status: string | undefined): boolean {
  return status !== undefined && parseClauseStatus(status)?.obligation === "M";
}
