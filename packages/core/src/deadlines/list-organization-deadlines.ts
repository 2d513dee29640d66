import type { DeadlineState, SkuObligation } from "@hopquy/compliance";
import { tenantDb } from "@hopquy/db";
import type { z } from "zod";
import { isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { listDeadlinesInput } from "./deadline-input";
import { loadOrganizationObligations, type DeadlineSku, type OrganizationObligations } from "./load-organization-obligations";

export interface OrganizationDeadline {
  sku: DeadlineSku;
  obligation: SkuObligation;
}

// Open work first: overdue, due soon, upcoming, then undated, then what needs nothing more.
const STATE_ORDER: Record<DeadlineState, number> = { overdue: 0, due_soon: 1, upcoming: 2, tbd: 3, met: 4, not_required: 5 };

export function compareDeadlines(a: OrganizationDeadline, b: OrganizationDeadline): number {
  return (
    STATE_ORDER[a.obligation.state] - STATE_ORDER[b.obligation.state] ||
    (a.obligation.dueDate ?? "9999-12-31").localeCompare(b.obligation.dueDate ?? "9999-12-31") ||
    a.sku.modelCode.localeCompare(b.sku.modelCode) ||
    a.sku.hardwareRevision.localeCompare(b.sku.hardwareRevision) ||
    a.obligation.key.localeCompare(b.obligation.key)
  );
}

// One row per obligation, open work first.
export function deadlinesOf(loaded: OrganizationObligations): OrganizationDeadline[] {
  return loaded.skus.flatMap(({ sku, obligations }) => obligations.map((obligation) => ({ sku, obligation }))).sort(compareDeadlines);
}

// Every obligation of every active SKU, computed on read (see loadOrganizationObligations).
export async function computeOrganizationDeadlines(organizationId: string, today: string) {
  const loaded = await loadOrganizationObligations(tenantDb(organizationId), today);
  return { today, list: loaded.list, deadlines: deadlinesOf(loaded) };
}

// The deadlines page: filters by state, class, family and kind; counts per state over the filtered
// set except the state filter itself (the tabs), one page of rows.
export async function listOrganizationDeadlines(ctx: TenantContext, rawInput: z.input<typeof listDeadlinesInput> = {}) {
  assertCan(ctx, "sku:read");
  const input = listDeadlinesInput.parse(rawInput);
  const today = input.today ?? isoToday();
  const { list, deadlines } = await computeOrganizationDeadlines(ctx.organizationId, today);
  const matching = deadlines.filter(
    (d) =>
      (!input.riskClass || d.sku.riskClass === input.riskClass) &&
      (!input.familyId || d.sku.familyId === input.familyId) &&
      (!input.kind || d.obligation.kind === input.kind),
  );
  const stateCounts: Record<DeadlineState, number> = { tbd: 0, upcoming: 0, due_soon: 0, overdue: 0, met: 0, not_required: 0 };
  for (const d of matching) stateCounts[d.obligation.state] += 1;
  const filtered = input.state ? matching.filter((d) => d.obligation.state === input.state) : matching;
  const start = (input.page - 1) * input.limit;
  return {
    today,
    list,
    total: filtered.length,
    stateCounts,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(filtered.length / input.limit)),
    deadlines: input.all ? filtered : filtered.slice(start, start + input.limit),
  };
}
