// Publishes the test MPS list (8525.89 medium, 8525.81 high, category baby-monitor low, effective
// 2027-01-01) under a version of the caller's own, so it becomes the list in force without
// colliding with another test file's identical publication (same content adds no revision).
import { parseRiskList } from "@hopquy/catalog";
import { PUBLISHED_RISK_LIST_YAML } from "@hopquy/catalog/testing/risk-list-fixtures";
import { applyRiskListPublication } from "../risk-lists/apply-risk-list-publication";
import { publishRiskList } from "../risk-lists/publish-risk-list";

export async function publishTestRiskList(version: string) {
  const parsed = parseRiskList(PUBLISHED_RISK_LIST_YAML.replace("version: test-published", `version: ${version}`), "yaml");
  if (!parsed.ok) throw new Error(`test risk list is invalid: ${JSON.stringify(parsed.errors)}`);
  const { riskList } = await publishRiskList(parsed.value, { origin: "imported" });
  await applyRiskListPublication({ riskListId: riskList.id });
  return riskList;
}
