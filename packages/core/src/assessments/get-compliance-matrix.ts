import { tenantDb, type Prisma } from "@hopquy/db";
import { z } from "zod";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { complianceMatrixInput } from "./assessment-input";
import { emptyCounts, summarizeCoverage, type SkuCoverage, type StatusCounts } from "./summarize-coverage";
import { loadTargetCatalog } from "./target-catalog";

// SKUs x QCVN 11 requirement groups for one page of SKUs. The number of queries is fixed (catalog,
// one page of SKUs, their assessments, the organization-wide totals) whatever the registry size.
export async function getComplianceMatrix(ctx: TenantContext, rawInput: z.input<typeof complianceMatrixInput> = {}) {
  assertCan(ctx, "assessment:read");
  const input = complianceMatrixInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const target = await loadTargetCatalog(db);
  if (!target) return { target: null, rows: [], nextCursor: undefined, totals: emptyCounts(), skuCount: 0 };

  const inTarget = { current: true, clause: { catalogVersionId: target.id } } satisfies Prisma.AssessmentWhereInput;
  const statusFilter: Prisma.AssessmentWhereInput | null =
    input.status === "needs_review" ? { needsReview: true } : input.status ? { status: input.status } : null;
  const where: Prisma.SkuWhereInput = {
    archivedAt: null,
    ...(input.familyId ? { familyId: input.familyId } : {}),
    ...(input.riskClass ? { riskClass: input.riskClass } : {}),
    ...(statusFilter ? { assessments: { some: { ...inTarget, ...statusFilter } } } : {}),
    ...(input.search
      ? {
          OR: [
            { modelCode: { contains: input.search, mode: "insensitive" } },
            { brand: { contains: input.search, mode: "insensitive" } },
            { manufacturer: { contains: input.search, mode: "insensitive" } },
          ],
        }
      : {}),
  };

  const [page, grouped, skuCount] = await Promise.all([
    db.sku.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: {
        id: true,
        modelCode: true,
        hardwareRevision: true,
        brand: true,
        riskClass: true,
        family: { select: { id: true, name: true } },
      },
    }),
    db.assessment.groupBy({ by: ["status"], where: { ...inTarget, sku: where }, _count: { _all: true } }),
    db.sku.count({ where }),
  ]);
  const skus = page.slice(0, input.limit);
  const assessments = skus.length
    ? await db.assessment.findMany({
        where: { ...inTarget, skuId: { in: skus.map((s) => s.id) } },
        select: { skuId: true, clauseId: true, status: true, needsReview: true },
      })
    : [];
  const rowsBySku = new Map<string, typeof assessments>();
  for (const a of assessments) rowsBySku.set(a.skuId, [...(rowsBySku.get(a.skuId) ?? []), a]);

  // Totals of the SKUs matching the filters; clauses without a row (SKUs registered before a new
  // catalog version) count as not started, as in each row.
  const totals: StatusCounts = emptyCounts();
  for (const g of grouped) totals[g.status] = g._count._all;
  const recorded = Object.values(totals).reduce((sum, n) => sum + n, 0) - totals.not_started;
  totals.not_started = Math.max(0, skuCount * target.clauses.length - recorded);

  return {
    target,
    rows: skus.map((sku) => ({ sku, coverage: summarizeCoverage(target, rowsBySku.get(sku.id) ?? []) as SkuCoverage })),
    nextCursor: page.length > input.limit ? skus[skus.length - 1]?.id : undefined,
    totals,
    skuCount,
  };
}
