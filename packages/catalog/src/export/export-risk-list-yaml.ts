import type { RiskList } from "../schema/risk-list-schema";
import { orderRiskList } from "./canonical-order";
import { toYamlText } from "./to-yaml-text";

export function exportRiskListYaml(riskList: RiskList): string {
  return toYamlText(orderRiskList(riskList));
}
