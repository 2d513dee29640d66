import { randomUUID } from "node:crypto";
import { contentHash, isMandatoryStatus, type Catalog } from "@hopquy/catalog";
import { advisoryXactLock, platformDb, type Prisma } from "@hopquy/db";

export interface PublishMeta {
  origin: "shipped" | "imported";
  fileName?: string;
  importedBy?: { id: string; email: string };
}

// Where a published row came from, as stored on catalog versions and mapping sets.
export function provenanceOf(meta: PublishMeta) {
  return {
    origin: meta.origin,
    fileName: meta.fileName ?? null,
    importedById: meta.importedBy?.id ?? null,
    importedByEmail: meta.importedBy?.email ?? null,
  };
}

// Idempotent: content identical to the newest revision of its version label adds nothing. Any
// other content (a change, or a revert to an older text) becomes the next revision; nothing
// published is ever edited.
export async function publishCatalogVersion(catalog: Catalog, meta: PublishMeta) {
  const hash = contentHash(catalog);
  return platformDb().$transaction(
    async (tx) => {
      await advisoryXactLock(tx, `catalog:${catalog.regulation}`);
      const latestOfLabel = await tx.catalogVersion.findFirst({
        where: { regulation: catalog.regulation, version: catalog.version },
        orderBy: { revision: "desc" },
      });
      if (latestOfLabel?.contentHash === hash) return { catalogVersion: latestOfLabel, created: false };
      const catalogVersion = await tx.catalogVersion.create({
        data: {
          regulation: catalog.regulation,
          version: catalog.version,
          revision: (latestOfLabel?.revision ?? 0) + 1,
          contentHash: hash,
          provisional: catalog.provisional,
          codeScheme: catalog.codeScheme,
          titleVi: catalog.title.vi ?? null,
          titleEn: catalog.title.en ?? null,
          document: catalog as unknown as Prisma.InputJsonValue,
          ...provenanceOf(meta),
        },
      });
      const groupIds = new Map(catalog.groups.map((group) => [group.code, randomUUID()]));
      await tx.requirementGroup.createMany({
        data: catalog.groups.map((group, position) => ({
          id: groupIds.get(group.code)!,
          catalogVersionId: catalogVersion.id,
          code: group.code,
          position,
          titleVi: group.title.vi ?? null,
          titleEn: group.title.en ?? null,
          provisional: group.provisional ?? catalog.provisional,
        })),
      });
      await tx.clause.createMany({
        data: catalog.clauses.map((clause, position) => ({
          catalogVersionId: catalogVersion.id,
          groupId: groupIds.get(clause.group)!,
          code: clause.code,
          position,
          titleVi: clause.title.vi ?? null,
          titleEn: clause.title.en ?? null,
          summaryVi: clause.summary?.vi ?? null,
          summaryEn: clause.summary?.en ?? null,
          status: clause.status ?? null,
          mandatory: clause.status ? isMandatoryStatus(clause.status) : null,
          conditions: clause.conditions ?? [],
          provisional: clause.provisional ?? catalog.provisional,
          confidence: clause.confidence ?? null,
          source: clause.source,
          details: clause as unknown as Prisma.InputJsonValue,
        })),
      });
      return { catalogVersion, created: true };
    },
    { timeout: 60_000 },
  );
}
