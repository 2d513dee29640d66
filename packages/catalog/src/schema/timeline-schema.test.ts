import { describe, expect, it } from "vitest";
import { parseTimeline } from "../parse/parse-timeline";

const TIMELINE = `kind: timeline
id: test-timeline
version: "1"
title: { en: Test }
provisional: false
sources:
  - id: src
    citation: Hand-made
notes: []
events:
  - id: known
    date: "2026-07-01"
    kind: effective
    instrument: Circular X
    title: { en: Takes effect }
    status: published
    confidence: secondary
    source: src
  - id: awaited
    date: TBD
    kind: publication
    instrument: Risk list
    title: { en: Risk list published }
    status: not_yet_published
    confidence: unverified
    source: src
    note: Not yet published.
`;

describe("timeline schema", () => {
  it("accepts ISO dates and TBD", () => {
    const result = parseTimeline(TIMELINE, "yaml");
    expect(result.ok && result.value.events.map((e) => e.date)).toEqual(["2026-07-01", "TBD"]);
  });

  it("rejects other dates, a TBD without a note and duplicate ids, each with its line", () => {
    const text = TIMELINE.replace('"2026-07-01"', '"1 July 2026"').replace("    note: Not yet published.\n", "").replace("id: awaited", "id: known");
    const result = parseTimeline(text, "yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.path])).toEqual([
      [12, "events[0].date"],
      [19, "events[1].id"],
      [19, "events[1].note"],
    ]);
  });
});
