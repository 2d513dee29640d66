import { z } from "zod";

// What the catalog change impact records in each affected organization's audit trail, and what the
// catalog-changes page reads back. The audit row is immutable, so the list shows what people were
// told at the time, even after later revisions.
export const CATALOG_IMPACT_ACTION = "catalog.impact";
// Enough to read on one page; the catalog or mapping-set page has the full comparison.
export const MAX_RECORDED_CHANGES = 100;

export const publicationSchema = z.object({
  kind: z.enum(["catalog", "mapping-set"]),
  id: z.string().min(1).max(64),
});
export type Publication = z.infer<typeof publicationSchema>;

export const publicationTargetType = (kind: Publication["kind"]) => (kind === "catalog" ? "catalog_version" : "mapping_set");

const reasonSchema = z.object({ field: z.string(), before: z.string().optional(), after: z.string().optional() });

export const recordedChangeSchema = z.object({
  kind: z.enum(["added", "removed", "changed"]),
  // Clause code, or "source -> target" for a mapping.
  key: z.string(),
  // The clause as published in the new revision (added, changed) or the previous one (removed);
  // null for mappings.
  clauseId: z.string().nullable(),
  reasons: z.array(reasonSchema),
  why: z.string(),
  needsReview: z.boolean(),
});
export type RecordedChange = z.infer<typeof recordedChangeSchema>;

const revisionRefSchema = z.object({ id: z.string(), label: z.string(), revision: z.number().int() });

export const catalogImpactRecordSchema = z.object({
  publication: revisionRefSchema.extend({
    kind: publicationSchema.shape.kind,
    // Catalogs only: the regulation code and version label (for display names).
    regulation: z.string().nullable(),
    version: z.string().nullable(),
    titleVi: z.string().nullable(),
    titleEn: z.string().nullable(),
    previous: revisionRefSchema,
  }),
  changes: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), needsReview: z.number().int() }),
  items: z.array(recordedChangeSchema),
  // Changes beyond MAX_RECORDED_CHANGES (those needing review are kept first).
  itemsOmitted: z.number().int(),
  affectedAssessments: z.number().int(),
  affectedSkus: z.number().int(),
});
export type CatalogImpactRecord = z.infer<typeof catalogImpactRecordSchema>;
