import { tenantDb } from "@hopquy/db";
import type { TenantContext } from "../context";
import { notFound } from "../errors";
import { assertCan } from "../permissions";
import { currentFirmwareBySku } from "./current-firmware";
import { summarizeCoverage } from "./summarize-coverage";
import { loadTargetCatalog } from "./target-catalog";

// One SKU against every QCVN 11 clause at its current firmware: the assessment, and the evidence
// linked to the SKU that supports the clause (directly; re-mapped support is in the explanation).
export async function getSkuCompliance(ctx: TenantContext, skuId: string) {
  assertCan(ctx, "assessment:read");
  const db = tenantDb(ctx.organizationId);
  const sku = await db.sku.findUnique({ where: { id: skuId.slice(0, 64) }, select: { id: true } });
  if (!sku) throw notFound("SKU");
  const target = await loadTargetCatalog(db);
  if (!target) return null;
  const [firmware, assessments, skuLinks] = await Promise.all([
    db.firmwareVersion.findMany({ where: { skuId: sku.id }, select: { id: true, skuId: true, version: true, releaseDate: true, createdAt: true } }),
    db.assessment.findMany({ where: { skuId: sku.id, current: true, clause: { catalogVersionId: target.id } } }),
    db.evidenceSkuLink.findMany({
      where: { skuId: sku.id },
      select: {
        firmwareVersionId: true,
        evidence: { select: { id: true, title: true, kind: true, reviewState: true, expiryDate: true, firmwareDependent: true } },
      },
    }),
  ]);
  const evidenceIds = [...new Set(skuLinks.map((l) => l.evidence.id))];
  const clauseLinks = evidenceIds.length
    ? await db.evidenceClauseLink.findMany({
        where: { evidenceId: { in: evidenceIds }, clause: { catalogVersionId: target.id } },
        select: { evidenceId: true, clauseId: true, note: true },
      })
    : [];
  const evidenceById = new Map(skuLinks.map((l) => [l.evidence.id, l.evidence]));
  const assessmentByClause = new Map(assessments.map((a) => [a.clauseId, a]));
  const current = currentFirmwareBySku(firmware).get(sku.id) ?? null;

  return {
    target,
    currentFirmware: current ? firmware.find((f) => f.id === current.id)! : null,
    coverage: summarizeCoverage(target, assessments),
    groups: target.groups.map((group) => ({
      group,
      clauses: target.clauses
        .filter((c) => c.groupId === group.id)
        .map((clause) => ({
          clause,
          assessment: assessmentByClause.get(clause.id) ?? null,
          evidence: clauseLinks
            .filter((l) => l.clauseId === clause.id)
            .map((l) => ({ ...evidenceById.get(l.evidenceId)!, linkNote: l.note })),
        })),
    })),
  };
}
