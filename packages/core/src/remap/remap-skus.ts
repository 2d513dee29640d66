import { remapSku, type RemapProposal } from "@hopquy/compliance";
import { deleteAssessmentsById, insertAssessments, type AssessmentRowInput, type TenantTx } from "@hopquy/db";
import type { RemapWorld, SkuRemapInput } from "./load-remap-world";

export interface SkuRemapResult {
  skuId: string;
  proposals: RemapProposal[];
}

// One pass of the pure engine over a batch of SKUs (the graph and its reach memo are shared).
export function runRemap(world: RemapWorld, inputs: readonly SkuRemapInput[]): SkuRemapResult[] {
  return inputs.map((input) => ({ skuId: input.skuId, proposals: remapSku(world.graph, input) }));
}

export interface RemapCounts {
  skus: number;
  changed: number;
  conflicts: number;
  retest: number;
  byStatus: Record<string, number>;
}

export function countRemap(results: readonly SkuRemapResult[]): RemapCounts {
  const counts: RemapCounts = { skus: results.length, changed: 0, conflicts: 0, retest: 0, byStatus: {} };
  for (const { proposals } of results) {
    for (const p of proposals) {
      if (p.merged.changed) counts.changed += 1;
      if (p.conflict) counts.conflicts += 1;
      if (p.retest.length) counts.retest += 1;
      counts.byStatus[p.merged.status] = (counts.byStatus[p.merged.status] ?? 0) + 1;
    }
  }
  return counts;
}

// Writes the changed, re-mapped results as assessments with origin "remapped" and the explanation:
// the rows they replace are deleted and the new ones inserted in two statements. Manual decisions
// and results where the evidence on the clause itself wins are left alone.
export async function writeRemapResults(
  tx: TenantTx,
  organizationId: string,
  inputs: readonly SkuRemapInput[],
  results: readonly SkuRemapResult[],
  appliedBy: { id: string; email: string },
): Promise<number> {
  const inputBySku = new Map(inputs.map((i) => [i.skuId, i]));
  const replaced: string[] = [];
  const rows: AssessmentRowInput[] = [];
  for (const { skuId, proposals } of results) {
    const input = inputBySku.get(skuId)!;
    for (const p of proposals) {
      if (!p.merged.changed || p.merged.origin !== "remapped") continue;
      const rowId = input.rowIds.get(p.clauseId);
      if (rowId) replaced.push(rowId);
      rows.push({
        skuId,
        firmwareVersionId: input.firmwareVersionId,
        scopeKey: input.scopeKey,
        clauseId: p.clauseId,
        status: p.merged.status,
        reason: p.reason,
        explanation: { ...p.explanation, retest: p.retest },
        needsReview: p.retest.length > 0,
        needsReviewReason: p.retest.length > 0 ? `retest:${p.retest.join(",")}` : null,
      });
    }
  }
  await deleteAssessmentsById(tx, organizationId, replaced);
  await insertAssessments(tx, organizationId, "remapped", rows, appliedBy);
  return rows.length;
}
