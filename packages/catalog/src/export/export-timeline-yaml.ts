import type { Timeline } from "../schema/timeline-schema";
import { orderTimeline } from "./canonical-order";
import { toYamlText } from "./to-yaml-text";

export function exportTimelineYaml(timeline: Timeline): string {
  return toYamlText(orderTimeline(timeline));
}
