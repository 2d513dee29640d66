import { contentHash, type Timeline } from "@hopquy/catalog";
import { advisoryXactLock, platformDb, type Prisma } from "@hopquy/db";
import type { PublishMeta } from "./publish-catalog-version";
import { dateOfIsoDay } from "../assessments/today";

export async function publishTimeline(timeline: Timeline, meta: PublishMeta) {
  const hash = contentHash(timeline);
  return platformDb().$transaction(async (tx) => {
    await advisoryXactLock(tx, `timeline:${timeline.id}`);
    const latest = await tx.regulatoryTimeline.findFirst({ where: { key: timeline.id }, orderBy: { revision: "desc" } });
    if (latest?.contentHash === hash) return { timeline: latest, created: false };
    const created = await tx.regulatoryTimeline.create({
      data: {
        key: timeline.id,
        revision: (latest?.revision ?? 0) + 1,
        contentHash: hash,
        document: timeline as unknown as Prisma.InputJsonValue,
        origin: meta.origin,
        events: {
          create: timeline.events.map((event) => ({
            eventKey: event.id,
            date: event.date === "TBD" ? null : dateOfIsoDay(event.date),
            kind: event.kind,
            instrument: event.instrument,
            regulation: event.regulation ?? null,
            titleVi: event.title.vi ?? null,
            titleEn: event.title.en ?? null,
            status: event.status,
            confidence: event.confidence,
            source: event.source,
            note: event.note ?? null,
          })),
        },
      },
    });
    return { timeline: created, created: true };
  });
}
