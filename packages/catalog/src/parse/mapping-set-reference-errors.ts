import { validateMappingSetReferences } from "../validate-references";
import type { Catalog } from "../schema/catalog-schema";
import type { MappingSet } from "../schema/mapping-set-schema";
import { formatPath, type DataFormat, type DataPath, type ParseError, type ReadResult } from "./parse-result";
import { readJson } from "./read-json";
import { readMappingSetCsv } from "./read-mapping-set-csv";
import { readYaml } from "./read-yaml";

/**
 * A parsed mapping set checked against the catalogs it names, with each problem on the line of the
 * file where it stands. `source`/`target` are undefined when no such catalog version exists.
 */
export function mappingSetReferenceErrors(
  text: string,
  format: DataFormat,
  mappingSet: MappingSet,
  source: Catalog | undefined,
  target: Catalog | undefined,
): ParseError[] {
  const read: ReadResult = format === "csv" ? readMappingSetCsv(text) : format === "json" ? readJson(text) : readYaml(text);
  const at = (path: DataPath, message: string): ParseError => ({ line: read.document?.lineOf(path) ?? 1, path: formatPath(path), message });
  const errors: ParseError[] = [];
  if (!source) errors.push(at(["sourceCatalog"], "no published catalog has this regulation and version"));
  if (!target) errors.push(at(["targetCatalog"], "no published catalog has this regulation and version"));
  if (source && target) {
    const report = validateMappingSetReferences(mappingSet, source, target);
    for (const ref of report.unknownSources) errors.push(at(["mappings", ref.index, "source"], `unknown source clause "${ref.code}"`));
    for (const ref of report.unknownTargets) errors.push(at(["mappings", ref.index, "target"], `unknown target clause "${ref.code}"`));
  }
  return errors;
}
