import { findMembershipsOfUser } from "@hopquy/db";
import { z } from "zod";
import { isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { can } from "../permissions";
import { compareDeadlines, computeOrganizationDeadlines, type OrganizationDeadline } from "./list-organization-deadlines";

export const portfolioDeadlinesInput = z.object({
  today: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});

const OPEN = new Set(["overdue", "due_soon", "upcoming"]);

// A consultant's next deadlines across client organizations: only organizations the user is a
// member of, each read through its own tenant context, merged and sorted (open work first).
export async function getPortfolioDeadlines(user: { id: string; email: string }, rawInput: z.input<typeof portfolioDeadlinesInput> = {}) {
  const input = portfolioDeadlinesInput.parse(rawInput);
  const today = input.today ?? isoToday();
  const memberships = await findMembershipsOfUser(user.id);
  const perOrganization = await Promise.all(
    memberships.map(async (m) => {
      const ctx: TenantContext = { organizationId: m.organizationId, organizationSlug: m.organization.slug, userId: user.id, userEmail: user.email, role: m.role };
      if (!can(ctx, "sku:read")) return [];
      const { deadlines } = await computeOrganizationDeadlines(ctx.organizationId, today);
      const organization = { id: m.organizationId, slug: m.organization.slug, name: m.organization.name };
      return deadlines.filter((d) => OPEN.has(d.obligation.state)).map((d) => ({ ...d, organization }));
    }),
  );
  const all: (OrganizationDeadline & { organization: { id: string; slug: string; name: string } })[] = perOrganization.flat().sort(compareDeadlines);
  return { today, total: all.length, deadlines: all.slice(0, input.limit) };
}
