import { tenantDb, type TenantTx } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { evidenceIdInput, reviewEvidenceInput } from "./evidence-input";
import { assertHasContent, invalidState, loadEvidenceOrNotFound, refreshSkusOfEvidence } from "./evidence-state";

type ReviewState = "draft" | "submitted" | "accepted" | "rejected";

// Moves evidence from one of `from` to `to` with a conditional update, so two reviewers racing
// cannot both win: the loser gets a CONFLICT.
async function transition(tx: TenantTx, evidenceId: string, from: ReviewState[], data: Record<string, unknown> & { reviewState: ReviewState }) {
  const evidence = await loadEvidenceOrNotFound(tx, evidenceId);
  if (!from.includes(evidence.reviewState)) throw invalidState(evidence.reviewState, from.join(" or "));
  const { count } = await tx.evidence.updateMany({ where: { id: evidenceId, reviewState: { in: from } }, data });
  if (count === 0) throw invalidState("changed meanwhile", from.join(" or "));
  return evidence;
}

export async function submitEvidence(ctx: TenantContext, rawInput: z.input<typeof evidenceIdInput>) {
  assertCan(ctx, "evidence:submit");
  const { evidenceId } = evidenceIdInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    await assertHasContent(tx, await loadEvidenceOrNotFound(tx, evidenceId));
    const before = await transition(tx, evidenceId, ["draft", "rejected"], { reviewState: "submitted" });
    await appendAuditEvent(tx, ctx, { action: "evidence.submitted", targetType: "evidence", targetId: evidenceId, before: { reviewState: before.reviewState } });
    await refreshSkusOfEvidence(tx, ctx.organizationId, evidenceId);
    return { id: evidenceId };
  });
}

// Only managers and owners accept or reject (with a comment); the decision is what makes evidence
// count towards coverage.
export async function reviewEvidence(ctx: TenantContext, rawInput: z.input<typeof reviewEvidenceInput>) {
  assertCan(ctx, "evidence:review");
  const input = reviewEvidenceInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const reviewState = input.decision === "accept" ? "accepted" : "rejected";
    await transition(tx, input.evidenceId, ["submitted"], {
      reviewState,
      reviewComment: input.comment ?? null,
      reviewedById: ctx.userId,
      reviewedByEmail: ctx.userEmail,
      reviewedAt: new Date(),
    });
    await appendAuditEvent(tx, ctx, {
      action: `evidence.${reviewState}`,
      targetType: "evidence",
      targetId: input.evidenceId,
      after: { reviewState, comment: input.comment ?? null },
    });
    await refreshSkusOfEvidence(tx, ctx.organizationId, input.evidenceId);
    return { id: input.evidenceId, reviewState };
  });
}

// Back to draft (to correct metadata or withdraw); accepted evidence stops counting until re-accepted.
export async function reopenEvidence(ctx: TenantContext, rawInput: z.input<typeof evidenceIdInput>) {
  assertCan(ctx, "evidence:update");
  const { evidenceId } = evidenceIdInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await transition(tx, evidenceId, ["submitted", "accepted", "rejected"], { reviewState: "draft" });
    await appendAuditEvent(tx, ctx, { action: "evidence.reopened", targetType: "evidence", targetId: evidenceId, before: { reviewState: before.reviewState } });
    await refreshSkusOfEvidence(tx, ctx.organizationId, evidenceId);
    return { id: evidenceId };
  });
}
