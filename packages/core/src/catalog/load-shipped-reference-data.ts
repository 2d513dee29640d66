import { loadShippedData } from "@hopquy/catalog/shipped";
import { publishCatalogVersion } from "./publish-catalog-version";
import { publishMappingSet } from "./publish-mapping-set";
import { publishTimeline } from "./publish-timeline";
import { publishRiskList } from "../risk-lists/publish-risk-list";
import { resolveCatalogVersion } from "./resolve-catalog-version";

export interface ReferenceLoadSummary {
  // The stored row's id: a created one is a new revision whose impact the seed then assesses.
  catalogs: { id: string; label: string; created: boolean }[];
  mappingSets: { id: string; label: string; created: boolean }[];
  timelineCreated: boolean;
  riskLists: { id: string; label: string; created: boolean }[];
}

// Loads the catalogs, mapping sets, risk lists and timeline shipped in packages/catalog/data. Run by the seed
// on every setup: unchanged files create nothing, changed files create new revisions.
export async function loadShippedReferenceData(): Promise<ReferenceLoadSummary> {
  const data = loadShippedData();
  const catalogs = [];
  for (const catalog of data.catalogs) {
    const { catalogVersion, created } = await publishCatalogVersion(catalog, { origin: "shipped" });
    catalogs.push({ id: catalogVersion.id, label: `${catalog.regulation} ${catalog.version}`, created });
  }
  const mappingSets = [];
  for (const set of data.mappingSets) {
    const [source, target] = await Promise.all([resolveCatalogVersion(set.sourceCatalog), resolveCatalogVersion(set.targetCatalog)]);
    if (!source || !target) throw new Error(`Mapping set ${set.id} names a catalog that was not loaded`);
    const { mappingSet, created } = await publishMappingSet(set, { sourceId: source.id, targetId: target.id }, { origin: "shipped" });
    mappingSets.push({ id: mappingSet.id, label: set.id, created });
  }
  const { created: timelineCreated } = await publishTimeline(data.timeline, { origin: "shipped" });
  const riskLists = [];
  for (const list of data.riskLists) {
    const { riskList, created } = await publishRiskList(list, { origin: "shipped" });
    riskLists.push({ id: riskList.id, label: list.id, created });
  }
  return { catalogs, mappingSets, timelineCreated, riskLists };
}
