import type { TenantTx } from "@hopquy/db";
import { AppError, notFound } from "../errors";
import { refreshDerivedAssessments } from "../assessments/refresh-derived-assessments";
import { FILELESS_KINDS, type EvidenceKindName } from "./evidence-input";

export async function loadEvidenceOrNotFound(tx: TenantTx, evidenceId: string) {
  const evidence = await tx.evidence.findUnique({ where: { id: evidenceId } });
  if (!evidence) throw notFound("Evidence");
  return evidence;
}

export const invalidState = (state: string, wanted: string) =>
  new AppError("CONFLICT", `Evidence is ${state}; this needs ${wanted}`, { reason: "invalid_evidence_state", state });

// Whether the evidence has something a reviewer can look at.
export async function assertHasContent(tx: TenantTx, evidence: { id: string; kind: EvidenceKindName; url: string | null; statementText: string | null }) {
  if (FILELESS_KINDS.includes(evidence.kind)) {
    if (evidence.kind === "link" ? !evidence.url : !evidence.statementText) throw new AppError("VALIDATION", "Evidence has no content", { reason: "evidence_without_content" });
    return;
  }
  const revisions = await tx.evidenceRevision.count({ where: { evidenceId: evidence.id } });
  if (revisions === 0) throw new AppError("VALIDATION", "Upload a file before submitting", { reason: "evidence_without_file" });
}

// Coverage depends on evidence state and links: every change recomputes the SKUs it touches.
export async function refreshSkusOfEvidence(tx: TenantTx, organizationId: string, evidenceId: string, alsoSkuIds: string[] = []) {
  const links = await tx.evidenceSkuLink.findMany({ where: { evidenceId }, select: { skuId: true } });
  await refreshDerivedAssessments(tx, organizationId, [...links.map((l) => l.skuId), ...alsoSkuIds]);
}
