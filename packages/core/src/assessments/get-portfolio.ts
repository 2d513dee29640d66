import { findMembershipsOfUser } from "@hopquy/db";
import type { TenantContext } from "../context";
import { getComplianceMatrix } from "./get-compliance-matrix";

// A consultant's view across client organizations: each organization the user is a member of (and
// only those), with its coverage totals and its first SKUs. Every organization is read through its
// own tenant context, exactly as if the user had switched to it.
export async function getPortfolio(user: { id: string; email: string }, options: { skusPerOrganization?: number } = {}) {
  const memberships = await findMembershipsOfUser(user.id);
  const limit = Math.min(Math.max(options.skusPerOrganization ?? 10, 1), 50);
  return Promise.all(
    memberships.map(async (m) => {
      const ctx: TenantContext = {
        organizationId: m.organizationId,
        organizationSlug: m.organization.slug,
        userId: user.id,
        userEmail: user.email,
        role: m.role,
      };
      const matrix = await getComplianceMatrix(ctx, { limit });
      return {
        organization: { id: m.organizationId, slug: m.organization.slug, name: m.organization.name, kind: m.organization.kind, role: m.role },
        skuCount: matrix.skuCount,
        totals: matrix.totals,
        clauseCount: matrix.target?.clauses.length ?? 0,
        skus: matrix.rows.map((r) => ({ sku: r.sku, total: r.coverage.total, progress: r.coverage.progress })),
        hasMore: Boolean(matrix.nextCursor),
      };
    }),
  );
}
