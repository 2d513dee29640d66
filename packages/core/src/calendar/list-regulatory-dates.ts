import { platformDb } from "@hopquy/db";
import { isoDate } from "../assessments/today";

export interface RegulatoryDate {
  eventKey: string;
  date: string;
  kind: string;
  instrument: string;
  regulation: string | null;
  title: { vi: string | null; en: string | null };
  status: string;
  confidence: string;
  note: string | null;
}

// The dated events of the newest revision of every regulatory timeline (platform data, the same for
// every tenant); events still "TBD" have no day to put in a calendar. Two queries.
export async function listRegulatoryDates(): Promise<RegulatoryDate[]> {
  const db = platformDb();
  const newest = await db.regulatoryTimeline.findMany({
    distinct: ["key"],
    orderBy: [{ key: "asc" }, { revision: "desc" }],
    select: { id: true },
  });
  if (newest.length === 0) return [];
  const events = await db.regulatoryEvent.findMany({
    where: { timelineId: { in: newest.map((t) => t.id) }, date: { not: null } },
    orderBy: [{ date: "asc" }, { eventKey: "asc" }],
  });
  const seen = new Set<string>();
  const dates: RegulatoryDate[] = [];
  for (const e of events) {
    // Event keys name the event itself (they become calendar UIDs): the first timeline to list one wins.
    if (seen.has(e.eventKey)) continue;
    seen.add(e.eventKey);
    dates.push({
      eventKey: e.eventKey,
      date: isoDate(e.date)!,
      kind: e.kind,
      instrument: e.instrument,
      regulation: e.regulation,
      title: { vi: e.titleVi, en: e.titleEn },
      status: e.status,
      confidence: e.confidence,
      note: e.note,
    });
  }
  return dates;
}
