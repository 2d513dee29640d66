import { contentHash, type MappingSet } from "@hopquy/catalog";
import { advisoryXactLock, platformDb, type Prisma } from "@hopquy/db";
import { provenanceOf, type PublishMeta } from "./publish-catalog-version";

// The caller has validated the set against these two catalog versions (codes all exist).
export async function publishMappingSet(set: MappingSet, catalogs: { sourceId: string; targetId: string }, meta: PublishMeta) {
  const hash = contentHash(set);
  return platformDb().$transaction(
    async (tx) => {
      await advisoryXactLock(tx, `mapping-set:${set.id}`);
      // Unchanged = same content against the same catalog versions as the newest revision; a new
      // catalog revision therefore re-publishes the set against it.
      const latest = await tx.mappingSet.findFirst({ where: { key: set.id }, orderBy: { revision: "desc" } });
      if (
        latest?.contentHash === hash &&
        latest.sourceCatalogVersionId === catalogs.sourceId &&
        latest.targetCatalogVersionId === catalogs.targetId
      ) {
        return { mappingSet: latest, created: false };
      }
      const [sourceClauses, targetClauses] = await Promise.all(
        [catalogs.sourceId, catalogs.targetId].map((catalogVersionId) =>
          tx.clause.findMany({ where: { catalogVersionId }, select: { id: true, code: true } }),
        ),
      );
      const sourceIds = new Map(sourceClauses!.map((c) => [c.code, c.id]));
      const targetIds = new Map(targetClauses!.map((c) => [c.code, c.id]));
      const mappingSet = await tx.mappingSet.create({
        data: {
          key: set.id,
          revision: (latest?.revision ?? 0) + 1,
          contentHash: hash,
          sourceCatalogVersionId: catalogs.sourceId,
          targetCatalogVersionId: catalogs.targetId,
          titleVi: set.title.vi ?? null,
          titleEn: set.title.en ?? null,
          provisional: set.provisional,
          document: set as unknown as Prisma.InputJsonValue,
          ...provenanceOf(meta),
        },
      });
      await tx.clauseMapping.createMany({
        data: set.mappings.map((mapping, position) => {
          const sourceClauseId = sourceIds.get(mapping.source);
          const targetClauseId = mapping.target === undefined ? null : targetIds.get(mapping.target);
          if (!sourceClauseId || targetClauseId === undefined) {
            throw new Error(`Mapping ${mapping.source} -> ${mapping.target} names an unknown clause (validate before publishing)`);
          }
          return {
            mappingSetId: mappingSet.id,
            position,
            sourceClauseId,
            targetClauseId,
            relation: mapping.relation,
            strength: mapping.strength,
            inferred: mapping.inferred,
            certainty: mapping.certainty ?? null,
            basis: mapping.basis,
            rationale: mapping.rationale ?? null,
          };
        }),
      });
      return { mappingSet, created: true };
    },
    { timeout: 60_000 },
  );
}
