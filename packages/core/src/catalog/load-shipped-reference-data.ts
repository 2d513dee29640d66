import { loadShippedData } from "@hopquy/catalog/shipped";
import { publishCatalogVersion } from "./publish-catalog-version";
import { publishMappingSet } from "./publish-mapping-set";
import { publishTimeline } from "./publish-timeline";
import { resolveCatalogVersion } from "./resolve-catalog-version";

export interface ReferenceLoadSummary {
  catalogs: { label: string; created: boolean }[];
  mappingSets: { label: string; created: boolean }[];
  timelineCreated: boolean;
}

// Loads the catalogs, mapping sets and timeline shipped in packages/catalog/data. Run by the seed
// on every setup: unchanged files create nothing, changed files create new revisions.
export async function loadShippedReferenceData(): Promise<ReferenceLoadSummary> {
  const data = loadShippedData();
  const catalogs = [];
  for (const catalog of data.catalogs) {
    const { created } = await publishCatalogVersion(catalog, { origin: "shipped" });
    catalogs.push({ label: `${catalog.regulation} ${catalog.version}`, created });
  }
  const mappingSets = [];
  for (const set of data.mappingSets) {
    const [source, target] = await Promise.all([resolveCatalogVersion(set.sourceCatalog), resolveCatalogVersion(set.targetCatalog)]);
    if (!source || !target) throw new Error(`Mapping set ${set.id} names a catalog that was not loaded`);
    const { created } = await publishMappingSet(set, { sourceId: source.id, targetId: target.id }, { origin: "shipped" });
    mappingSets.push({ label: set.id, created });
  }
  const { created: timelineCreated } = await publishTimeline(data.timeline, { origin: "shipped" });
  return { catalogs, mappingSets, timelineCreated };
}
