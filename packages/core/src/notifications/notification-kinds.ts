import { z } from "zod";

// What a notification is about; the payload is a snapshot taken when it was created, so a later
// rename or renewal of the evidence does not rewrite what people were told.
export const NOTIFICATION_KINDS = ["evidence.expiring", "evidence.expired"] as const;
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
