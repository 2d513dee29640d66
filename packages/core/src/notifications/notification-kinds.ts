import { z } from "zod";

// What a notification is about; the payload is a snapshot taken when it was created, so a later
// rename or renewal of the evidence does not rewrite what people were told.
export const NOTIFICATION_KINDS = ["evidence.expiring", "evidence.expired", "catalog.changed", "risk-list.published", "deadline.due", "deadline.overdue"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const evidenceExpiryPayloadSchema = z.object({
  evidenceId: z.string(),
  title: z.string(),
  expiryDate: z.iso.date(),
  // Only on "evidence.expiring": days left when it was sent (0 = expires today) and the threshold.
  daysLeft: z.number().int().optional(),
  threshold: z.number().int().optional(),
});
export type EvidenceExpiryPayload = z.infer<typeof evidenceExpiryPayloadSchema>;

// Unique per (organization, user): a re-run of the sweep inserts nothing twice. The expiry date is
// part of the key, so renewed evidence is reminded about again.
export const expiringDedupeKey = (evidenceId: string, expiryDate: string, threshold: number) => `evidence-expiry:${evidenceId}:${expiryDate}:${threshold}`;
export const expiredDedupeKey = (evidenceId: string, expiryDate: string) => `evidence-expired:${evidenceId}:${expiryDate}`;

// "catalog.changed": a new catalog or mapping-set revision marked some of the organization's
// assessments "needs review". The details live in the organization's catalog-changes page.
export const catalogChangedPayloadSchema = z.object({
  publicationKind: z.enum(["catalog", "mapping-set"]),
  publicationId: z.string(),
  label: z.string(),
  revision: z.number().int(),
  affectedAssessments: z.number().int(),
  affectedSkus: z.number().int(),
});
export type CatalogChangedPayload = z.infer<typeof catalogChangedPayloadSchema>;

// One notice per publication and recipient, however often the impact job is retried.
export const catalogChangedDedupeKey = (publicationKind: "catalog" | "mapping-set", publicationId: string) => `catalog-change:${publicationKind}:${publicationId}`;

// "risk-list.published": a new risk-list revision (publication, amendment, replacement) was applied
// to the organization's SKUs. One notice per revision and recipient.
export const riskListPublishedPayloadSchema = z.object({
  riskListId: z.string(),
  label: z.string(),
  status: z.string(),
  effectiveDate: z.iso.date().nullable(),
  reclassifiedSkus: z.number().int(),
  // Manual classes the list contradicts: someone should look at them.
  conflicts: z.number().int(),
});
export type RiskListPublishedPayload = z.infer<typeof riskListPublishedPayloadSchema>;
export const riskListPublishedDedupeKey = (riskListId: string) => `risk-list:${riskListId}`;

// "deadline.due" (30/7/1 days before) and "deadline.overdue": an obligation of a SKU (declaration,
// certification, re-declaration). The due date is in the key, so a moved deadline reminds afresh.
export const deadlinePayloadSchema = z.object({
  skuId: z.string(),
  modelCode: z.string(),
  obligationKey: z.string(),
  obligationKind: z.enum(["declaration", "certification", "redeclaration"]),
  dueDate: z.iso.date(),
  daysLeft: z.number().int(),
  threshold: z.number().int().optional(),
});
export type DeadlinePayload = z.infer<typeof deadlinePayloadSchema>;
export const deadlineDueDedupeKey = (skuId: string, obligationKey: string, dueDate: string, threshold: number) => `deadline:${skuId}:${obligationKey}:${dueDate}:${threshold}`;
export const deadlineOverdueDedupeKey = (skuId: string, obligationKey: string, dueDate: string) => `deadline-overdue:${skuId}:${obligationKey}:${dueDate}`;
