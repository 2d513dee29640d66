import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { appendAuditEvent } from "../audit/append-audit-event";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { loadRemapWorld, loadSkuRemapInputs } from "./load-remap-world";
import { countRemap, runRemap, writeRemapResults } from "./remap-skus";

export const skuRemapInput = z.object({
  skuId: z.string().min(1).max(64),
  retestBefore: z.iso.date("invalid_date").optional().or(z.literal("").transform(() => undefined)),
});

const noCatalog = () => new AppError("VALIDATION", "No QCVN 11 catalog is published", { reason: "no_target_catalog" });

// What re-mapping would change for one SKU, clause by clause, with the explanation of each result.
export async function previewSkuRemap(ctx: TenantContext, rawInput: z.input<typeof skuRemapInput>) {
  assertCan(ctx, "assessment:read");
  const input = skuRemapInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const sku = await db.sku.findUnique({ where: { id: input.skuId }, select: { id: true, modelCode: true, hardwareRevision: true } });
  if (!sku) throw notFound("SKU");
  const world = await loadRemapWorld(db);
  if (!world) throw noCatalog();
  const inputs = await loadSkuRemapInputs(db, world, [sku.id], { retestBefore: input.retestBefore ?? null });
  const [result] = runRemap(world, inputs);
  return { sku, world, proposals: result!.proposals, counts: countRemap([result!]) };
}

// A manager applies the re-mapping: changed results become assessments with origin "remapped".
// Recomputed inside the transaction, so what is written is what the data says now.
export async function applySkuRemap(ctx: TenantContext, rawInput: z.input<typeof skuRemapInput>) {
  assertCan(ctx, "assessment:decide");
  const input = skuRemapInput.parse(rawInput);
  return tenantDb(ctx.organizationId).$transaction(async (tx) => {
    const sku = await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true, modelCode: true } });
    if (!sku) throw notFound("SKU");
    const world = await loadRemapWorld(tx);
    if (!world) throw noCatalog();
    const inputs = await loadSkuRemapInputs(tx, world, [sku.id], { retestBefore: input.retestBefore ?? null });
    const results = runRemap(world, inputs);
    const written = await writeRemapResults(tx, ctx.organizationId, inputs, results, { id: ctx.userId, email: ctx.userEmail });
    const counts = countRemap(results);
    await appendAuditEvent(tx, ctx, {
      action: "assessment.remapped",
      targetType: "sku",
      targetId: sku.id,
      after: { written, conflicts: counts.conflicts, retest: counts.retest, byStatus: counts.byStatus, catalog: world.target.version, mappingSets: world.mappingSets.map((m) => `${m.key}#${m.revision}`) },
    });
    return { written, counts };
  });
}
