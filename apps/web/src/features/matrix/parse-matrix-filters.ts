import { ASSESSMENT_STATUSES, RISK_CLASSES } from "@hopquy/core";

export const STATUS_FILTERS = [...ASSESSMENT_STATUSES, "needs_review"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type RiskClassFilter = (typeof RISK_CLASSES)[number];

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined) =>
  allowed.includes(value as T) ? (value as T) : undefined;

// Query strings are typed by hand in the address bar: unknown values are dropped instead of
// failing the page, and lengths are capped to what the service accepts.
export function parseMatrixFilters(query: SearchParams) {
  return {
    filters: {
      familyId: first(query.family)?.slice(0, 64),
      riskClass: oneOf(RISK_CLASSES, first(query.risk)),
      status: oneOf(STATUS_FILTERS, first(query.status)),
      search: first(query.q)?.slice(0, 100),
    },
    cursor: first(query.cursor)?.slice(0, 64),
  };
}
