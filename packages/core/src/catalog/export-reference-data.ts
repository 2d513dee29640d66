import {
  exportCatalogCsv,
  exportCatalogYaml,
  exportMappingSetCsv,
  exportMappingSetYaml,
  exportRiskListCsv,
  exportRiskListYaml,
  type Catalog,
  type MappingSet,
  type RiskList,
} from "@hopquy/catalog";
import { platformDb } from "@hopquy/db";
import { z } from "zod";
import { notFound } from "../errors";

export const exportFormatSchema = z.enum(["yaml", "csv"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: string;
}

const contentTypes: Record<ExportFormat, string> = { yaml: "application/yaml; charset=utf-8", csv: "text/csv; charset=utf-8" };
const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "-");

// The export is built from the stored document, so export -> import gives the identical version.
export async function exportCatalogVersion(catalogVersionId: string, format: ExportFormat): Promise<ExportedFile> {
  const version = await platformDb().catalogVersion.findUnique({ where: { id: catalogVersionId } });
  if (!version) throw notFound("Catalog version");
  const catalog = version.document as unknown as Catalog;
  return {
    fileName: safe(`${version.regulation}_${version.version}_r${version.revision}.${format}`),
    contentType: contentTypes[format],
    body: format === "yaml" ? exportCatalogYaml(catalog) : exportCatalogCsv(catalog, { bom: true }),
  };
}

export async function exportMappingSet(mappingSetId: string, format: ExportFormat): Promise<ExportedFile> {
  const set = await platformDb().mappingSet.findUnique({ where: { id: mappingSetId } });
  if (!set) throw notFound("Mapping set");
  const document = set.document as unknown as MappingSet;
  return {
    fileName: safe(`${set.key}_r${set.revision}.${format}`),
    contentType: contentTypes[format],
    body: format === "yaml" ? exportMappingSetYaml(document) : exportMappingSetCsv(document, { bom: true }),
  };
}

export async function exportRiskList(riskListId: string, format: ExportFormat): Promise<ExportedFile> {
  const row = await platformDb().riskList.findUnique({ where: { id: riskListId } });
  if (!row) throw notFound("Risk list");
  const document = row.document as unknown as RiskList;
  return {
    fileName: safe(`${row.key}_r${row.revision}.${format}`),
    contentType: contentTypes[format],
    body: format === "yaml" ? exportRiskListYaml(document) : exportRiskListCsv(document, { bom: true }),
  };
}

// Every stored risk-list revision, newest first; the first is the list in force.
export async function listRiskLists() {
  const rows = await platformDb().riskList.findMany({
    orderBy: [{ publishedAt: "desc" }, { revision: "desc" }],
    take: 100,
    select: { id: true, key: true, revision: true, status: true, version: true, instrumentNumber: true, instrumentName: true, publicationDate: true, effectiveDate: true, sourceCitation: true, origin: true, publishedAt: true },
  });
  return rows.map((row, index) => ({ ...row, inForce: index === 0 }));
}
