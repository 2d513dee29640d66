import { z } from "zod";
import {
  confidenceSchema,
  fileHeaderShape,
  localizedTextSchema,
  nonEmptyText,
  regulationCodeSchema,
  slugSchema,
} from "./common";
import { checkTimelineConsistency } from "./check-timeline-consistency";
import { withConsistency } from "./consistency";

export const regulatoryEventKindSchema = z.enum(["issued", "signed", "effective", "mandatory", "authority_change", "publication"]);

export const regulatoryEventSchema = z.strictObject({
  id: slugSchema,
  /** ISO date, or "TBD" while the date is not known. */
  date: z.union([z.iso.date(), z.literal("TBD")]),
  kind: regulatoryEventKindSchema,
  instrument: nonEmptyText,
  regulation: regulationCodeSchema.optional(),
  title: localizedTextSchema,
  status: z.enum(["published", "not_yet_published"]),
  confidence: confidenceSchema,
  source: slugSchema,
  note: nonEmptyText.optional(),
});

export const timelineStructureSchema = z.strictObject({
  kind: z.literal("timeline"),
  id: slugSchema,
  ...fileHeaderShape,
  title: localizedTextSchema,
  events: z.array(regulatoryEventSchema).min(1),
});

export const timelineSchema = withConsistency(timelineStructureSchema, checkTimelineConsistency);

export type Timeline = z.infer<typeof timelineStructureSchema>;
export type RegulatoryEvent = z.infer<typeof regulatoryEventSchema>;
