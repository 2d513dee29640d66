import { applicabilityProfileSchema, deriveClauseAssessments } from "@hopquy/compliance";
import { deleteAssessmentsById, insertAssessments, type AssessmentRowInput, type TenantTx } from "@hopquy/db";
import { canonicalJson } from "../audit/audit-hash";
import { isCatalogReviewReason } from "../catalog-changes/review-reasons";
import { currentFirmwareBySku, scopeKeyOf } from "./current-firmware";
import { loadTargetCatalog, type TargetCatalog } from "./target-catalog";
import { loadEvidenceOfSkus } from "./load-evidence-of-skus";
import { isoToday } from "./today";

// Recomputes the derived assessments of the given SKUs at their current firmware, in the caller's
// transaction. Set-based: a fixed number of queries whatever the number of SKUs, so evidence
// reviews, imports and the daily expiry sweep all use it. Manual and re-mapped rows are never
// touched, only marked current or not.
export async function refreshDerivedAssessments(
  tx: TenantTx,
  organizationId: string,
  skuIds: readonly string[],
  options: { today?: string; target?: TargetCatalog | null } = {},
): Promise<{ skus: number; rows: number; written: number }> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return { skus: 0, rows: 0, written: 0 };
  const target = options.target === undefined ? await loadTargetCatalog(tx) : options.target;
  const today = options.today ?? isoToday();

  const [skus, firmware, manualRows, derivedRows] = await Promise.all([
    tx.sku.findMany({ where: { id: { in: ids } }, select: { id: true, capabilities: true } }),
    tx.firmwareVersion.findMany({ where: { skuId: { in: ids } }, select: { id: true, skuId: true, releaseDate: true, createdAt: true } }),
    tx.assessment.findMany({ where: { skuId: { in: ids }, origin: { not: "derived" } }, select: { id: true, skuId: true, scopeKey: true, clauseId: true, origin: true } }),
    tx.assessment.findMany({
      where: { skuId: { in: ids }, origin: "derived" },
      select: { id: true, skuId: true, scopeKey: true, clauseId: true, firmwareVersionId: true, status: true, reason: true, explanation: true, needsReview: true, needsReviewReason: true },
    }),
  ]);
  const currentFirmware = currentFirmwareBySku(firmware);
  const scopeOf = (skuId: string) => scopeKeyOf(currentFirmware.get(skuId)?.id);

  const evidenceBySku = await loadEvidenceOfSkus(tx, ids, { onlyClauseIds: target?.clauses.map((c) => c.id) ?? [] });
  // Manual decisions always stand. A re-mapped result stands too, unless evidence on the clause
  // itself now covers it: direct, accepted evidence is the strongest support there is.
  const decided = new Map(manualRows.map((r) => [`${r.skuId}|${r.scopeKey}|${r.clauseId}`, r]));
  const supersededRemapped: string[] = [];

  const rows: AssessmentRowInput[] = [];
  if (target) {
    for (const sku of skus) {
      const firmwareId = currentFirmware.get(sku.id)?.id ?? null;
      const results = deriveClauseAssessments({
        clauses: target.clauses.map((c) => ({ id: c.id, code: c.code, conditions: c.conditions })),
        evidence: evidenceBySku.get(sku.id) ?? [],
        profile: applicabilityProfileSchema.parse(sku.capabilities ?? {}),
        currentFirmwareId: firmwareId,
        today,
      });
      for (const result of results) {
        const other = decided.get(`${sku.id}|${scopeKeyOf(firmwareId)}|${result.clauseId}`);
        if (other && !(other.origin === "remapped" && result.status === "covered")) continue;
        if (other) supersededRemapped.push(other.id);
        rows.push({
          skuId: sku.id,
          firmwareVersionId: firmwareId,
          scopeKey: scopeKeyOf(firmwareId),
          clauseId: result.clauseId,
          status: result.status,
          reason: result.reason,
          // Most rows have nothing to explain: store no JSON for them (a third of the table's size).
          explanation: isEmptyExplanation(result.explanation) ? null : result.explanation,
          needsReview: result.needsReverification,
          needsReviewReason: result.needsReverification ? "firmware_changed" : null,
        });
      }
    }
  }

  // Only rows whose result changed are rewritten: a refresh after one review touches a few rows,
  // not every clause of every SKU (which also kept the table from bloating with dead tuples).
  const keyOf = (r: { skuId: string; scopeKey: string; clauseId: string }) => `${r.skuId}|${r.scopeKey}|${r.clauseId}`;
  const fingerprint = (r: Omit<AssessmentRowInput, "skuId" | "scopeKey" | "clauseId">) =>
    canonicalJson([r.firmwareVersionId, r.status, r.reason, r.explanation ?? null, r.needsReview, r.needsReviewReason]);
  const existing = new Map(derivedRows.map((r) => [keyOf(r), r]));
  // A catalog change flag stays until someone decides the clause: evidence moving the derived result
  // does not answer whether the amended requirement is still met.
  for (const row of rows) {
    const before = existing.get(keyOf(row));
    if (!row.needsReview && before?.needsReview && isCatalogReviewReason(before.needsReviewReason)) {
      row.needsReview = true;
      row.needsReviewReason = before.needsReviewReason;
    }
  }
  const unchanged = new Set<string>();
  const toInsert = rows.filter((row) => {
    const before = existing.get(keyOf(row));
    if (before && fingerprint(before as Omit<AssessmentRowInput, "skuId" | "scopeKey" | "clauseId">) === fingerprint(row)) {
      unchanged.add(before.id);
      return false;
    }
    return true;
  });
  const toDelete = derivedRows.filter((r) => !unchanged.has(r.id)).map((r) => r.id);
  await deleteAssessmentsById(tx, organizationId, [...toDelete, ...supersededRemapped]);
  if (manualRows.length) {
    await tx.assessment.updateMany({ where: { skuId: { in: ids }, current: true }, data: { current: false } });
    await tx.assessment.updateMany({
      where: { OR: skus.map((s) => ({ skuId: s.id, scopeKey: scopeOf(s.id) })) },
      data: { current: true },
    });
  }
  await insertAssessments(tx, organizationId, "derived", toInsert);
  return { skus: skus.length, rows: rows.length, written: toInsert.length };
}

function isEmptyExplanation(explanation: { evidence: unknown[]; unmetConditions: unknown[]; unknownConditions: unknown[] }): boolean {
  return explanation.evidence.length === 0 && explanation.unmetConditions.length === 0 && explanation.unknownConditions.length === 0;
}
