// Pure API: no file system or network access. Reading the shipped data files lives in
// "@hopquy/catalog/shipped" so that importing this entry point never pulls in node:fs.

export type { Confidence, LocalizedText, Source } from "./schema/common";
export {
  catalogSchema,
  type Catalog,
  type CatalogCondition,
  type CatalogFeature,
  type Clause,
  type IxitForm,
  type RequirementGroup,
  type TitleSource,
} from "./schema/catalog-schema";
export {
  mappingSetSchema,
  type CatalogRef,
  type ClauseMapping,
  type MappingRelation,
  type MappingSet,
} from "./schema/mapping-set-schema";
export { timelineSchema, type RegulatoryEvent, type Timeline } from "./schema/timeline-schema";
export {
  riskListSchema,
  type RiskClass,
  type RiskClassObligations,
  type RiskList,
  type RiskListEntry,
  type RiskListStatus,
  type TriState,
} from "./schema/risk-list-schema";
export { parseClauseStatus, formatClauseStatus, isMandatoryStatus, type ClauseStatus } from "./clause-status";

export type { DataFormat, ParseError, ParseResult } from "./parse/parse-result";
export { parseCatalog } from "./parse/parse-catalog";
export { parseMappingSet } from "./parse/parse-mapping-set";
export { parseTimeline } from "./parse/parse-timeline";
export { parseRiskList } from "./parse/parse-risk-list";
export { mappingSetReferenceErrors } from "./parse/mapping-set-reference-errors";
export { detectDataKind, dataFormatOf, type DataKind } from "./parse/detect-data-kind";

export { CATALOG_CSV_COLUMNS } from "./csv/catalog-csv-layout";
export { MAPPING_SET_CSV_COLUMNS } from "./csv/mapping-set-csv-layout";
export { RISK_LIST_CSV_COLUMNS } from "./csv/risk-list-csv-layout";
export { parseCsv, type CsvDelimiter, type CsvRecord, type CsvProblem } from "./csv/parse-csv";
export { serializeCsv } from "./csv/serialize-csv";

export { exportCatalogYaml } from "./export/export-catalog-yaml";
export { exportCatalogCsv, type CsvExportOptions } from "./export/export-catalog-csv";
export { exportMappingSetYaml } from "./export/export-mapping-set-yaml";
export { exportMappingSetCsv } from "./export/export-mapping-set-csv";
export { exportTimelineYaml } from "./export/export-timeline-yaml";
export { exportRiskListYaml } from "./export/export-risk-list-yaml";
export { exportRiskListCsv } from "./export/export-risk-list-csv";

export {
  validateMappingSetReferences,
  type MappingSetReferenceReport,
  type ReferenceCheckOptions,
  type UnknownClauseRef,
} from "./validate-references";
export { diffCatalogVersions, type CatalogVersionDiff } from "./diff-catalog-versions";
export { diffMappingSets, mappingKey } from "./diff-mapping-sets";
export type { ChangedItem, ItemDiff } from "./diff-by-key";
export { contentHash } from "./content-hash";
