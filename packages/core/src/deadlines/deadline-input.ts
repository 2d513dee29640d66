import { z } from "zod";

export const DEADLINE_STATES = ["tbd", "upcoming", "due_soon", "overdue", "met", "not_required"] as const;
export const OBLIGATION_KINDS = ["declaration", "certification", "redeclaration"] as const;
const RISK_CLASSES = ["unclassified", "low", "medium", "high"] as const;

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const listDeadlinesInput = z.object({
  state: z.preprocess(blankToUndefined, z.enum(DEADLINE_STATES, "invalid_state").optional()),
  riskClass: z.preprocess(blankToUndefined, z.enum(RISK_CLASSES, "invalid_risk_class").optional()),
  familyId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(OBLIGATION_KINDS, "invalid_kind").optional()),
  // Offset paging: the list is computed in memory from a fixed query set, so an offset is exact.
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  today: z.iso.date().optional(),
  // Every matching row, unpaged (the CSV export).
  all: z.boolean().default(false),
});
