import type { RemapEvidence } from "@hopquy/compliance";
import type { TenantTx } from "@hopquy/db";
import { isoDate } from "./today";

// The evidence linked to each SKU, with its firmware scopes and the clauses it is linked to
// (optionally only some clauses): two set-based queries for any number of SKUs. Shared by the
// derivation and the re-mapping so both judge evidence from the same facts.
export async function loadEvidenceOfSkus(
  tx: TenantTx,
  skuIds: readonly string[],
  options: { onlyClauseIds?: readonly string[] } = {},
): Promise<Map<string, RemapEvidence[]>> {
  const skuLinks = await tx.evidenceSkuLink.findMany({
    where: { skuId: { in: [...skuIds] } },
    select: {
      skuId: true,
      firmwareVersionId: true,
      evidence: { select: { id: true, title: true, reviewState: true, expiryDate: true, effectiveDate: true, firmwareDependent: true } },
    },
  });
  const evidenceIds = [...new Set(skuLinks.map((l) => l.evidence.id))];
  const wantsClauses = options.onlyClauseIds === undefined || options.onlyClauseIds.length > 0;
  const clauseLinks =
    evidenceIds.length && wantsClauses
      ? await tx.evidenceClauseLink.findMany({
          where: { evidenceId: { in: evidenceIds }, ...(options.onlyClauseIds ? { clauseId: { in: [...options.onlyClauseIds] } } : {}) },
          select: { evidenceId: true, clauseId: true },
        })
      : [];
  const clausesOf = new Map<string, string[]>();
  for (const l of clauseLinks) clausesOf.set(l.evidenceId, [...(clausesOf.get(l.evidenceId) ?? []), l.clauseId]);

  const bySku = new Map<string, Map<string, RemapEvidence & { firmwareScopes: (string | null)[] }>>();
  for (const link of skuLinks) {
    const ofSku = bySku.get(link.skuId) ?? new Map<string, RemapEvidence & { firmwareScopes: (string | null)[] }>();
    bySku.set(link.skuId, ofSku);
    const known = ofSku.get(link.evidence.id);
    if (known) {
      known.firmwareScopes.push(link.firmwareVersionId);
      continue;
    }
    ofSku.set(link.evidence.id, {
      id: link.evidence.id,
      title: link.evidence.title,
      reviewState: link.evidence.reviewState,
      expiryDate: isoDate(link.evidence.expiryDate),
      effectiveDate: isoDate(link.evidence.effectiveDate),
      firmwareDependent: link.evidence.firmwareDependent,
      firmwareScopes: [link.firmwareVersionId],
      clauseIds: clausesOf.get(link.evidence.id) ?? [],
    });
  }
  return new Map([...bySku].map(([skuId, evidence]) => [skuId, [...evidence.values()]]));
}
