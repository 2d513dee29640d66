import { checkTimelineConsistency } from "../schema/check-timeline-consistency";
import { timelineStructureSchema, type Timeline } from "../schema/timeline-schema";
import type { ParseResult } from "./parse-result";
import { readJson } from "./read-json";
import { readYaml } from "./read-yaml";
import { validateDocument } from "./validate-document";

/** Parses and validates the regulatory timeline (YAML or JSON; it has no CSV layout). */
export function parseTimeline(text: string, format: "yaml" | "json"): ParseResult<Timeline> {
  const read = format === "json" ? readJson(text) : readYaml(text);
  if (!read.document) return { ok: false, errors: read.errors };
  return validateDocument(read.document, timelineStructureSchema, checkTimelineConsistency, read.errors);
}
