import { asRecord, asRecords, asString, checkSourceRefs, findDuplicates, type ConsistencyIssue } from "./consistency";

export function checkTimelineConsistency(input: unknown): ConsistencyIssue[] {
  const timeline = asRecord(input);
  const events = asRecords(timeline.events);
  const issues = [
    ...findDuplicates(events, (e) => asString(e.id), (i) => ["events", i, "id"], (key) => `event id "${key}"`),
    ...checkSourceRefs(timeline, [{ name: "events", field: "source" }]),
  ];
  events.forEach((event, index) => {
    // An unknown date must say why, so nobody mistakes it for an omission.
    if (event.date === "TBD" && event.note === undefined) {
      issues.push({ path: ["events", index, "note"], message: 'an event dated "TBD" needs a note explaining what is awaited' });
    }
  });
  return issues;
}
