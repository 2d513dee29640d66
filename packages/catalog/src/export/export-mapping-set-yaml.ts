import type { MappingSet } from "../schema/mapping-set-schema";
import { orderMappingSet } from "./canonical-order";
import { toYamlText } from "./to-yaml-text";

export function exportMappingSetYaml(mappingSet: MappingSet): string {
  return toYamlText(orderMappingSet(mappingSet));
}
