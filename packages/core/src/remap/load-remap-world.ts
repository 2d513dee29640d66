import { RemapGraph, applicabilityProfileSchema, type ExistingAssessment, type RemapSkuInput } from "@hopquy/compliance";
import type { TenantTx } from "@hopquy/db";
import { currentFirmwareBySku, scopeKeyOf } from "../assessments/current-firmware";
import { loadTargetCatalog, type TargetCatalog } from "../assessments/target-catalog";
import { loadEvidenceOfSkus } from "../assessments/load-evidence-of-skus";
import { isoToday } from "../assessments/today";

export interface RemapWorld {
  target: TargetCatalog;
  graph: RemapGraph;
  mappingSets: { id: string; key: string; revision: number; titleVi: string | null; titleEn: string | null }[];
  clauseCodes: Map<string, { code: string; catalog: string; titleVi: string | null; titleEn: string | null }>;
}

type Reader = Pick<TenantTx, "catalogVersion" | "requirementGroup" | "clause" | "mappingSet" | "clauseMapping">;

// The target catalog and the newest revision of every mapping set, as one graph shared by all SKUs
// of a run (four queries whatever the number of SKUs).
export async function loadRemapWorld(db: Reader): Promise<RemapWorld | null> {
  const target = await loadTargetCatalog(db);
  if (!target) return null;
  const sets = await db.mappingSet.findMany({
    orderBy: [{ key: "asc" }, { revision: "desc" }],
    select: { id: true, key: true, revision: true, titleVi: true, titleEn: true },
  });
  const newest = sets.filter((s, i) => i === 0 || sets[i - 1]!.key !== s.key);
  const mappings = await db.clauseMapping.findMany({
    where: { mappingSetId: { in: newest.map((s) => s.id) } },
    select: { id: true, mappingSetId: true, sourceClauseId: true, targetClauseId: true, relation: true, strength: true },
  });
  const clauseIds = [...new Set(mappings.flatMap((m) => [m.sourceClauseId, ...(m.targetClauseId ? [m.targetClauseId] : [])]))];
  const clauses = await db.clause.findMany({
    where: { id: { in: clauseIds } },
    select: { id: true, code: true, conditions: true, titleVi: true, titleEn: true, catalogVersion: { select: { regulation: true, version: true } } },
  });
  const graph = new RemapGraph(
    target.clauses.map((c) => ({ id: c.id, code: c.code, conditions: c.conditions })),
    clauses.map((c) => ({ id: c.id, code: c.code, conditions: c.conditions })),
    mappings,
  );
  const clauseCodes = new Map(clauses.map((c) => [c.id, { code: c.code, catalog: `${c.catalogVersion.regulation} ${c.catalogVersion.version}`, titleVi: c.titleVi, titleEn: c.titleEn }]));
  for (const c of target.clauses) clauseCodes.set(c.id, { code: c.code, catalog: `${target.version}`, titleVi: c.titleVi, titleEn: c.titleEn });
  return { target, graph, mappingSets: newest, clauseCodes };
}

export interface SkuRemapInput extends RemapSkuInput {
  skuId: string;
  firmwareVersionId: string | null;
  scopeKey: string;
  // Current assessment row ids by clause, to replace the ones a re-mapping changes.
  rowIds: Map<string, string>;
}

// Everything the engine needs for a batch of SKUs, in a fixed number of set-based queries.
export async function loadSkuRemapInputs(
  tx: TenantTx,
  world: RemapWorld,
  skuIds: readonly string[],
  options: { today?: string; retestBefore?: string | null } = {},
): Promise<SkuRemapInput[]> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return [];
  const today = options.today ?? isoToday();
  const [skus, firmware, assessments] = await Promise.all([
    tx.sku.findMany({ where: { id: { in: ids } }, select: { id: true, capabilities: true }, orderBy: { id: "asc" } }),
    tx.firmwareVersion.findMany({ where: { skuId: { in: ids } }, select: { id: true, skuId: true, releaseDate: true, createdAt: true } }),
    tx.assessment.findMany({
      where: { skuId: { in: ids }, current: true, clauseId: { in: world.target.clauses.map((c) => c.id) } },
      select: { id: true, skuId: true, clauseId: true, status: true, origin: true },
    }),
  ]);
  const evidenceBySku = await loadEvidenceOfSkus(tx, ids);
  const existingBySku = new Map<string, (ExistingAssessment & { id: string })[]>();
  for (const a of assessments) existingBySku.set(a.skuId, [...(existingBySku.get(a.skuId) ?? []), a]);
  const current = currentFirmwareBySku(firmware);
  return skus.map((sku) => {
    const firmwareVersionId = current.get(sku.id)?.id ?? null;
    return {
      skuId: sku.id,
      firmwareVersionId,
      scopeKey: scopeKeyOf(firmwareVersionId),
      evidence: evidenceBySku.get(sku.id) ?? [],
      profile: applicabilityProfileSchema.parse(sku.capabilities ?? {}),
      currentFirmwareId: firmwareVersionId,
      today,
      existing: existingBySku.get(sku.id) ?? [],
      rowIds: new Map((existingBySku.get(sku.id) ?? []).map((a) => [a.clauseId, (a as ExistingAssessment & { id: string }).id])),
      retestBefore: options.retestBefore ?? null,
    };
  });
}
