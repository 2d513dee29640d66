import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { assertCan } from "../permissions";
import { createEvidenceInput, updateEvidenceInput } from "./evidence-input";
import { dateOrNull, invalidState, loadEvidenceOrNotFound, refreshSkusOfEvidence } from "./evidence-state";

function fieldsOf(input: z.output<typeof createEvidenceInput>) {
  return {
    kind: input.kind,
    title: input.title,
    issuer: input.issuer ?? null,
    effectiveDate: dateOrNull(input.effectiveDate),
    expiryDate: dateOrNull(input.expiryDate),
    firmwareDependent: input.firmwareDependent,
    url: input.kind === "link" ? (input.url ?? null) : null,
    statementText: input.kind === "statement" ? (input.statementText ?? null) : null,
  };
}

export async function createEvidence(ctx: TenantContext, rawInput: z.input<typeof createEvidenceInput>) {
  assertCan(ctx, "evidence:create");
  const input = createEvidenceInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const evidence = await tx.evidence.create({
      data: { organizationId: ctx.organizationId, ...fieldsOf(input), createdById: ctx.userId, createdByEmail: ctx.userEmail },
    });
    await appendAuditEvent(tx, ctx, {
      action: "evidence.created",
      targetType: "evidence",
      targetId: evidence.id,
      after: { kind: evidence.kind, title: evidence.title },
    });
    return evidence;
  });
}

// Metadata can change while evidence is a draft or was rejected; submitted and accepted evidence
// is what a reviewer saw, so it has to be reopened first.
export async function updateEvidence(ctx: TenantContext, rawInput: z.input<typeof updateEvidenceInput>) {
  assertCan(ctx, "evidence:update");
  const input = updateEvidenceInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const before = await loadEvidenceOrNotFound(tx, input.evidenceId);
    if (before.reviewState !== "draft" && before.reviewState !== "rejected") throw invalidState(before.reviewState, "draft or rejected");
    const fields = fieldsOf(input);
    const { count } = await tx.evidence.updateMany({
      where: { id: before.id, reviewState: { in: ["draft", "rejected"] } },
      data: fields,
    });
    if (count === 0) throw invalidState("changed meanwhile", "draft or rejected");
    await appendAuditEvent(tx, ctx, {
      action: "evidence.updated",
      targetType: "evidence",
      targetId: before.id,
      before: { title: before.title, kind: before.kind, expiryDate: before.expiryDate?.toISOString().slice(0, 10) ?? null, firmwareDependent: before.firmwareDependent },
      after: { title: fields.title, kind: fields.kind, expiryDate: input.expiryDate ?? null, firmwareDependent: fields.firmwareDependent },
    });
    await refreshSkusOfEvidence(tx, ctx.organizationId, before.id);
    return { id: before.id };
  });
}
