"use server";

import {
  clearAssessmentDecision,
  clearAssessmentInput,
  createEvidence,
  createEvidenceInput,
  decideAssessment,
  decideAssessmentInput,
  evidenceIdInput,
  linkEvidenceToClause,
  linkEvidenceToClauseInput,
  linkEvidenceToSku,
  linkEvidenceToSkuInput,
  linkIdInput,
  reopenEvidence,
  reviewEvidence,
  reviewEvidenceInput,
  submitEvidence,
  unlinkEvidenceFromClause,
  unlinkEvidenceFromSku,
  updateEvidence,
  updateEvidenceInput,
  verifyEvidenceRevision,
} from "@hopquy/core";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/action-client";
import { getBlobStore } from "@/lib/blob-store";

const evidencePath = (slug: string, evidenceId: string) => `/${slug}/evidence/${evidenceId}`;

export const createEvidenceAction = orgAction("evidence:create", createEvidenceInput, async (ctx, input) => {
  const evidence = await createEvidence(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/evidence`);
  return { evidenceId: evidence.id };
});

export const updateEvidenceAction = orgAction("evidence:update", updateEvidenceInput, async (ctx, input) => {
  await updateEvidence(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return null;
});

export const submitEvidenceAction = orgAction("evidence:submit", evidenceIdInput, async (ctx, input) => {
  await submitEvidence(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return null;
});

export const reviewEvidenceAction = orgAction("evidence:review", reviewEvidenceInput, async (ctx, input) => {
  const result = await reviewEvidence(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return { reviewState: result.reviewState };
});

export const reopenEvidenceAction = orgAction("evidence:update", evidenceIdInput, async (ctx, input) => {
  await reopenEvidence(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return null;
});

export const linkEvidenceToClauseAction = orgAction("evidence:update", linkEvidenceToClauseInput, async (ctx, input) => {
  await linkEvidenceToClause(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return null;
});

export const unlinkEvidenceFromClauseAction = orgAction("evidence:update", linkIdInput, async (ctx, input) => {
  await unlinkEvidenceFromClause(ctx, input);
  return null;
});

export const linkEvidenceToSkuAction = orgAction("evidence:update", linkEvidenceToSkuInput, async (ctx, input) => {
  await linkEvidenceToSku(ctx, input);
  revalidatePath(evidencePath(ctx.organizationSlug, input.evidenceId));
  return null;
});

export const unlinkEvidenceFromSkuAction = orgAction("evidence:update", linkIdInput, async (ctx, input) => {
  await unlinkEvidenceFromSku(ctx, input);
  return null;
});

export const verifyEvidenceRevisionAction = orgAction("evidence:read", z.object({ revisionId: z.string().min(1).max(64) }), async (ctx, input) =>
  verifyEvidenceRevision(ctx, getBlobStore(), input.revisionId),
);

export const decideAssessmentAction = orgAction("assessment:decide", decideAssessmentInput, async (ctx, input) => {
  await decideAssessment(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return null;
});

export const clearAssessmentDecisionAction = orgAction("assessment:decide", clearAssessmentInput, async (ctx, input) => {
  await clearAssessmentDecision(ctx, input);
  revalidatePath(`/${ctx.organizationSlug}/skus/${input.skuId}`);
  return null;
});
