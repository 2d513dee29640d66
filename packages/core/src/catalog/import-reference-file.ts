import {
  dataFormatOf,
  detectDataKind,
  mappingSetReferenceErrors,
  parseCatalog,
  parseMappingSet,
  parseRiskList,
  parseTimeline,
  type ParseError,
} from "@hopquy/catalog";
import { platformDb } from "@hopquy/db";
import { assertPlatformAdmin } from "./platform-admin";
import { publishCatalogVersion } from "./publish-catalog-version";
import { publishMappingSet } from "./publish-mapping-set";
import { publishRiskList } from "../risk-lists/publish-risk-list";
import { riskListLabel } from "../risk-lists/risk-list-in-force";
import { publishTimeline } from "./publish-timeline";
import { resolveCatalogVersion } from "./resolve-catalog-version";

export const MAX_REFERENCE_FILE_BYTES = 5 * 1024 * 1024;

export type ImportResult =
  | { ok: false; errors: ParseError[] }
  | { ok: true; kind: "catalog" | "mapping-set" | "timeline" | "risk-list"; id: string; label: string; revision: number; created: boolean };

const fail = (message: string, line = 1): ImportResult => ({ ok: false, errors: [{ line, path: "(root)", message }] });

// A platform admin uploads a catalog, mapping set, risk list or timeline (YAML, JSON, or CSV for all
// but timelines). The whole file is validated before anything is written; an invalid file gets every
// problem with its line number and changes nothing.
export async function importReferenceFile(
  user: { id: string; email: string; isPlatformAdmin: boolean },
  file: { fileName: string; text: string },
): Promise<ImportResult> {
  assertPlatformAdmin(user);
  if (Buffer.byteLength(file.text, "utf8") > MAX_REFERENCE_FILE_BYTES) return fail("file is larger than 5 MB");
  if (file.text.trim() === "") return fail("file is empty");
  const format = dataFormatOf(file.fileName);
  if (!format) return fail("unsupported file type: use .yaml, .yml, .json or .csv");
  const kind = detectDataKind(file.text, format);
  if (!kind) return fail('the file does not say what it is: expected a header "kind: catalog | mapping-set | risk-list | timeline"');
  const meta = { origin: "imported" as const, fileName: file.fileName.slice(0, 200), importedBy: { id: user.id, email: user.email } };

  if (kind === "catalog") {
    const parsed = parseCatalog(file.text, format);
    if (!parsed.ok) return parsed;
    const { catalogVersion, created } = await publishCatalogVersion(parsed.value, meta);
    return { ok: true, kind, id: catalogVersion.id, label: `${catalogVersion.regulation} ${catalogVersion.version}`, revision: catalogVersion.revision, created };
  }
  if (kind === "mapping-set") {
    const parsed = parseMappingSet(file.text, format);
    if (!parsed.ok) return parsed;
    const [source, target] = await Promise.all([resolveCatalogVersion(parsed.value.sourceCatalog), resolveCatalogVersion(parsed.value.targetCatalog)]);
    const errors = mappingSetReferenceErrors(file.text, format, parsed.value, source?.document, target?.document);
    if (errors.length > 0 || !source || !target) return { ok: false, errors };
    const { mappingSet, created } = await publishMappingSet(parsed.value, { sourceId: source.id, targetId: target.id }, meta);
    return { ok: true, kind, id: mappingSet.id, label: mappingSet.key, revision: mappingSet.revision, created };
  }
  if (kind === "risk-list") {
    const parsed = parseRiskList(file.text, format);
    if (!parsed.ok) return parsed;
    const { riskList, created } = await publishRiskList(parsed.value, meta);
    return { ok: true, kind, id: riskList.id, label: riskListLabel(riskList), revision: riskList.revision, created };
  }
  if (format === "csv") return fail("a timeline has no CSV layout: use YAML or JSON");
  const parsed = parseTimeline(file.text, format);
  if (!parsed.ok) return parsed;
  const { timeline, created } = await publishTimeline(parsed.value, meta);
  return { ok: true, kind, id: timeline.id, label: timeline.key, revision: timeline.revision, created };
}

export async function countReferenceRows() {
  const db = platformDb();
  const [catalogVersions, clauses, mappingSets, mappings, riskLists] = await Promise.all([
    db.catalogVersion.count(),
    db.clause.count(),
    db.mappingSet.count(),
    db.clauseMapping.count(),
    db.riskList.count(),
  ]);
  return { catalogVersions, clauses, mappingSets, mappings, riskLists };
}
