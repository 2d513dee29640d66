import { buildGapReportContent, GAP_STATUSES, type GapReportContent, type GapReportSkuInput } from "@hopquy/compliance";
import { tenantDb } from "@hopquy/db";
import { z } from "zod";
import { TARGET_REGULATION } from "../assessments/target-catalog";
import { isoToday } from "../assessments/today";
import type { TenantContext } from "../context";
import { AppError, notFound } from "../errors";
import { assertCan } from "../permissions";
import { loadRemapWorld, loadSkuRemapInputs, type RemapWorld } from "../remap/load-remap-world";
import { runRemap } from "../remap/remap-skus";
import { loadGapClosers } from "./load-gap-closers";

export const gapReportInput = z.object({
  // One SKU (archived ones too); without it, every non-archived SKU of the organization.
  skuId: z.string().min(1).max(64).optional(),
});

// SKUs per batch: one fixed set of queries per batch keeps the query count flat and memory bounded.
export const GAP_REPORT_BATCH_SIZE = 200;

const DESIGNATIONS: Record<string, string> = {
  QCVN_11_2026_BCA: "QCVN 11:2026/BCA",
  QCVN_135_2024_BTTTT: "QCVN 135:2024/BTTTT",
  ETSI_EN_303_645: "ETSI EN 303 645",
  ETSI_TS_103_701: "ETSI TS 103 701",
};

// "QCVN 135:2024/BTTTT 2.2.1", "ETSI EN 303 645 V2.1.1 5.1-1": QCVN designations carry their year,
// ETSI ones need the version.
function clauseLabels(world: RemapWorld): Map<string, string> {
  const targetIds = new Set(world.target.clauses.map((c) => c.id));
  const labels = new Map<string, string>();
  for (const [id, entry] of world.clauseCodes) {
    if (targetIds.has(id)) {
      labels.set(id, `${DESIGNATIONS[TARGET_REGULATION]} ${entry.code}`);
      continue;
    }
    const space = entry.catalog.indexOf(" ");
    const regulation = space < 0 ? entry.catalog : entry.catalog.slice(0, space);
    const version = space < 0 ? "" : entry.catalog.slice(space + 1);
    const name = DESIGNATIONS[regulation] ?? regulation.replaceAll("_", " ");
    labels.set(id, regulation.startsWith("ETSI_") && version ? `${name} ${version} ${entry.code}` : `${name} ${entry.code}`);
  }
  return labels;
}

/**
 * QCVN 11 clauses with a gap or a partial result, per SKU (skuId) or for every non-archived SKU of
 * the organization, with why and what would close them. Read-only: the re-mapping is computed as a
 * preview (manual decisions and direct evidence merged in), nothing is written. A fixed number of
 * queries per batch of SKUs, whatever the registry size.
 */
export async function getGapReport(ctx: TenantContext, rawInput: z.input<typeof gapReportInput> = {}, options: { today?: string } = {}): Promise<GapReportContent> {
  assertCan(ctx, "assessment:read");
  const input = gapReportInput.parse(rawInput);
  const db = tenantDb(ctx.organizationId);
  const today = options.today ?? isoToday();
  const select = { id: true, modelCode: true, hardwareRevision: true } as const;
  const skus = input.skuId
    ? await db.sku.findMany({ where: { id: input.skuId }, select })
    : await db.sku.findMany({ where: { archivedAt: null }, orderBy: [{ modelCode: "asc" }, { hardwareRevision: "asc" }, { id: "asc" }], select });
  if (input.skuId && skus.length === 0) throw notFound("SKU");
  const world = await loadRemapWorld(db);
  if (!world) throw new AppError("VALIDATION", "No QCVN 11 catalog is published", { reason: "no_target_catalog" });
  const [organization, closers] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true, slug: true } }),
    loadGapClosers(db, world),
  ]);

  const reportSkus: GapReportSkuInput[] = [];
  for (let start = 0; start < skus.length; start += GAP_REPORT_BATCH_SIZE) {
    const batch = skus.slice(start, start + GAP_REPORT_BATCH_SIZE);
    const inputs = await loadSkuRemapInputs(db, world, batch.map((s) => s.id), { today });
    const firmwareIds = inputs.map((i) => i.firmwareVersionId).filter((id): id is string => id !== null);
    const firmware = firmwareIds.length ? await db.firmwareVersion.findMany({ where: { id: { in: firmwareIds } }, select: { id: true, version: true } }) : [];
    const versionOf = new Map(firmware.map((f) => [f.id, f.version]));
    const inputOf = new Map(inputs.map((i) => [i.skuId, i]));
    const skuOf = new Map(batch.map((s) => [s.id, s]));
    for (const result of runRemap(world, inputs)) {
      const sku = skuOf.get(result.skuId)!;
      const firmwareVersionId = inputOf.get(result.skuId)!.firmwareVersionId;
      reportSkus.push({
        skuId: sku.id,
        modelCode: sku.modelCode,
        hardwareRevision: sku.hardwareRevision,
        firmwareVersion: firmwareVersionId ? (versionOf.get(firmwareVersionId) ?? null) : null,
        // Only what the report shows is kept, so a large organization's report stays small in memory.
        proposals: result.proposals.filter((p) => (GAP_STATUSES as readonly string[]).includes(p.merged.status) || p.conflict !== null),
      });
    }
  }

  return buildGapReportContent({
    organization,
    generatedOn: today,
    scope: input.skuId ? "sku" : "organization",
    catalog: world.target,
    skus: reportSkus,
    closers,
    clauseLabels: clauseLabels(world),
    mappingSets: new Map(world.mappingSets.map((m) => [m.id, { key: m.key, title: { vi: m.titleVi, en: m.titleEn } }])),
  });
}
