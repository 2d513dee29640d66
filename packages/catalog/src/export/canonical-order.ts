import type { Catalog, Clause, RequirementGroup } from "../schema/catalog-schema";
import type { LocalizedText, Source } from "../schema/common";
import type { ClauseMapping, MappingSet } from "../schema/mapping-set-schema";
import type { RiskClassObligations, RiskList, RiskListEntry } from "../schema/risk-list-schema";
import type { RegulatoryEvent, Timeline } from "../schema/timeline-schema";

/**
 * Rebuilds values with keys in one fixed order and without undefined properties, so an export
 * does not depend on how the value was assembled. List order is kept: it is display order.
 */
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const ordered: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) ordered[key] = value[key];
  return ordered as T;
}

const text = (value: LocalizedText): LocalizedText => pick(value, ["vi", "en"]);
const source = (value: Source): Source => pick(value, ["id", "citation", "url", "confidence"]);

function group(value: RequirementGroup): RequirementGroup {
  const ordered = pick(value, ["code", "title", "titleSource", "provisional", "confidence", "source", "note"]);
  return { ...ordered, title: text(value.title) };
}

function clause(value: Clause): Clause {
  const ordered = pick(value, [
    "code",
    "group",
    "title",
    "titleSource",
    "summary",
    "status",
    "conditions",
    "features",
    "subject",
    "testType",
    "ixits",
    "provisional",
    "confidence",
    "source",
    "note",
  ]);
  ordered.title = text(value.title);
  if (value.summary) ordered.summary = text(value.summary);
  return ordered;
}

export function orderCatalog(value: Catalog): Catalog {
  const ordered = pick(value, [
    "kind",
    "regulation",
    "version",
    "title",
    "date",
    "provisional",
    "codeScheme",
    "sources",
    "notes",
    "conditions",
    "features",
    "ixitForms",
    "groups",
    "clauses",
  ]);
  ordered.title = text(value.title);
  ordered.sources = value.sources.map(source);
  if (value.conditions) ordered.conditions = value.conditions.map((c) => ({ id: c.id, text: text(c.text) }));
  if (value.features) ordered.features = value.features.map((f) => ({ id: f.id, text: text(f.text) }));
  if (value.ixitForms) ordered.ixitForms = value.ixitForms.map((form) => pick(form, ["id", "name", "fields", "source", "note"]));
  ordered.groups = value.groups.map(group);
  ordered.clauses = value.clauses.map(clause);
  return ordered;
}

function mapping(value: ClauseMapping): ClauseMapping {
  return pick(value, ["source", "target", "relation", "strength", "inferred", "certainty", "basis", "rationale"]);
}

/** Header of a mapping set without its mappings (the CSV preamble). */
export function orderMappingSetHeader(value: MappingSet): Omit<MappingSet, "mappings"> {
  return {
    ...pick(value as Omit<MappingSet, "mappings">, ["kind", "id", "version", "title", "provisional", "sourceCatalog", "targetCatalog", "sources", "notes"]),
    title: text(value.title),
    sourceCatalog: pick(value.sourceCatalog, ["regulation", "version"]),
    targetCatalog: pick(value.targetCatalog, ["regulation", "version"]),
    sources: value.sources.map(source),
  };
}

export function orderMappingSet(value: MappingSet): MappingSet {
  return { ...orderMappingSetHeader(value), mappings: value.mappings.map(mapping) };
}

function event(value: RegulatoryEvent): RegulatoryEvent {
  const ordered = pick(value, ["id", "date", "kind", "instrument", "regulation", "title", "status", "confidence", "source", "note"]);
  ordered.title = text(value.title);
  return ordered;
}

export function orderTimeline(value: Timeline): Timeline {
  const ordered = pick(value, ["kind", "id", "version", "title", "provisional", "sources", "notes", "events"]);
  ordered.title = text(value.title);
  ordered.sources = value.sources.map(source);
  ordered.events = value.events.map(event);
  return ordered;
}

function riskListEntry(value: RiskListEntry): RiskListEntry {
  const ordered = pick(value, ["id", "hsCodePrefix", "category", "riskClass", "title", "source"]);
  if (value.title) ordered.title = text(value.title);
  return ordered;
}

function riskClassObligations(value: RiskClassObligations): RiskClassObligations {
  return pick(value, [
    "riskClass",
    "declarationRequired",
    "certificationRequired",
    "gracePeriodDays",
    "redeclareOnNewFirmware",
    "redeclareWithinDays",
    "source",
  ]);
}

/** Header and obligations of a risk list without its entries (the CSV preamble). */
export function orderRiskListHeader(value: RiskList): Omit<RiskList, "entries"> {
  const ordered = pick(value as Omit<RiskList, "entries">, [
    "kind",
    "id",
    "version",
    "title",
    "provisional",
    "sources",
    "notes",
    "status",
    "instrument",
    "publicationDate",
    "effectiveDate",
    "source",
    "obligations",
  ]);
  ordered.title = text(value.title);
  ordered.sources = value.sources.map(source);
  if (value.instrument) ordered.instrument = pick(value.instrument, ["name", "number"]);
  ordered.obligations = value.obligations.map(riskClassObligations);
  return ordered;
}

export function orderRiskList(value: RiskList): RiskList {
  const { obligations, ...header } = orderRiskListHeader(value);
  return { ...header, entries: value.entries.map(riskListEntry), obligations };
}
