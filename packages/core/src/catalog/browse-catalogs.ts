import type { Catalog, MappingSet } from "@hopquy/catalog";
import { diffCatalogVersions, diffMappingSets } from "@hopquy/catalog";
import { platformDb } from "@hopquy/db";
import { notFound } from "../errors";

// Reference data is the same for every tenant: any signed-in user reads it.

export async function listCatalogVersions() {
  const db = platformDb();
  const [versions, mappingSets] = await Promise.all([
    db.catalogVersion.findMany({
      select: {
        id: true, regulation: true, version: true, revision: true, titleVi: true, titleEn: true,
        provisional: true, codeScheme: true, origin: true, publishedAt: true, _count: { select: { clauses: true, groups: true } },
      },
      orderBy: [{ regulation: "asc" }, { publishedAt: "desc" }],
      take: 500,
    }),
    db.mappingSet.findMany({
      select: {
        id: true, key: true, revision: true, titleVi: true, titleEn: true, provisional: true, publishedAt: true,
        sourceCatalogVersion: { select: { regulation: true, version: true, revision: true } },
        targetCatalogVersion: { select: { regulation: true, version: true, revision: true } },
        _count: { select: { mappings: true } },
      },
      orderBy: [{ key: "asc" }, { revision: "desc" }],
      take: 500,
    }),
  ]);
  return { versions, mappingSets };
}

export async function getCatalogVersionTree(catalogVersionId: string) {
  const version = await platformDb().catalogVersion.findUnique({
    where: { id: catalogVersionId },
    include: {
      groups: {
        orderBy: { position: "asc" },
        include: { clauses: { orderBy: { position: "asc" }, select: { id: true, code: true, titleVi: true, titleEn: true, status: true, mandatory: true, provisional: true, confidence: true } } },
      },
    },
  });
  if (!version) throw notFound("Catalog version");
  const document = version.document as unknown as Catalog;
  return { ...version, conditions: document.conditions ?? [], sources: document.sources, notes: document.notes };
}

const clauseSummary = {
  select: {
    id: true, code: true, titleVi: true, titleEn: true,
    catalogVersion: { select: { id: true, regulation: true, version: true, revision: true } },
  },
} as const;

// A clause with everything it is mapped to and from, newest revision of each mapping set only.
export async function getClauseWithRelations(clauseId: string) {
  const db = platformDb();
  const clause = await db.clause.findUnique({
    where: { id: clauseId },
    include: { group: true, catalogVersion: { select: { id: true, regulation: true, version: true, revision: true, titleVi: true, titleEn: true, provisional: true } } },
  });
  if (!clause) throw notFound("Clause");
  const mappingSelect = {
    id: true, relation: true, strength: true, inferred: true, certainty: true, rationale: true, basis: true,
    mappingSet: { select: { id: true, key: true, revision: true } },
  } as const;
  // The newest revision of each set from (to) this clause's catalog version, whether or not it still
  // maps this clause: a mapping withdrawn in the newest revision is no longer shown.
  const newestRevisions = async (where: { sourceCatalogVersionId: string } | { targetCatalogVersionId: string }) => {
    const rows = await db.mappingSet.groupBy({ by: ["key"], where, _max: { revision: true } });
    return new Map(rows.map((row) => [row.key, row._max.revision]));
  };
  const [outgoing, incoming, newestFrom, newestTo] = await Promise.all([
    db.clauseMapping.findMany({ where: { sourceClauseId: clauseId }, select: { ...mappingSelect, targetClause: clauseSummary }, orderBy: { position: "asc" } }),
    db.clauseMapping.findMany({ where: { targetClauseId: clauseId }, select: { ...mappingSelect, sourceClause: clauseSummary }, orderBy: { position: "asc" } }),
    newestRevisions({ sourceCatalogVersionId: clause.catalogVersionId }),
    newestRevisions({ targetCatalogVersionId: clause.catalogVersionId }),
  ]);
  const isNewestIn = (newest: Map<string, number | null>) => (m: { mappingSet: { key: string; revision: number } }) =>
    newest.get(m.mappingSet.key) === m.mappingSet.revision;
  return { clause, outgoing: outgoing.filter(isNewestIn(newestFrom)), incoming: incoming.filter(isNewestIn(newestTo)) };
}

// QCVN 135 <-> QCVN 11 <-> ETSI: one row per QCVN 11 clause with what maps onto it from each side.
export async function getCrosswalk(qcvn11VersionId?: string) {
  const db = platformDb();
  const target = qcvn11VersionId
    ? await db.catalogVersion.findUnique({ where: { id: qcvn11VersionId }, select: { id: true, regulation: true, version: true, revision: true, provisional: true } })
    : await db.catalogVersion.findFirst({ where: { regulation: "QCVN_11_2026_BCA" }, orderBy: { publishedAt: "desc" }, select: { id: true, regulation: true, version: true, revision: true, provisional: true } });
  if (!target) throw notFound("QCVN 11 catalog");
  const [groups, sets] = await Promise.all([
    db.requirementGroup.findMany({
      where: { catalogVersionId: target.id },
      orderBy: { position: "asc" },
      include: { clauses: { orderBy: { position: "asc" }, select: { id: true, code: true, titleVi: true, titleEn: true } } },
    }),
    db.mappingSet.findMany({
      where: { targetCatalogVersionId: target.id },
      orderBy: { revision: "desc" },
      select: { id: true, key: true, sourceCatalogVersion: { select: { regulation: true, version: true } } },
    }),
  ]);
  // Sets arrive newest revision first: keep the first of each key.
  const newestPerKey = sets.filter((set, index) => sets.findIndex((other) => other.key === set.key) === index);
  const mappings = await db.clauseMapping.findMany({
    where: { mappingSetId: { in: newestPerKey.map((s) => s.id) }, targetClauseId: { not: null } },
    select: {
      targetClauseId: true, relation: true, strength: true, inferred: true, rationale: true,
      mappingSet: { select: { sourceCatalogVersion: { select: { regulation: true } } } },
      sourceClause: { select: { id: true, code: true, titleVi: true, titleEn: true } },
    },
    orderBy: { position: "asc" },
  });
  const byTarget = new Map<string, typeof mappings>();
  for (const m of mappings) byTarget.set(m.targetClauseId!, [...(byTarget.get(m.targetClauseId!) ?? []), m]);
  return {
    target,
    sources: newestPerKey.map((s) => s.sourceCatalogVersion),
    groups: groups.map((group) => ({
      ...group,
      clauses: group.clauses.map((clause) => {
        const related = byTarget.get(clause.id) ?? [];
        const from = (regulation: string) =>
          related.filter((m) => m.mappingSet.sourceCatalogVersion.regulation === regulation).map((m) => ({ ...m.sourceClause, relation: m.relation, strength: m.strength, inferred: m.inferred, rationale: m.rationale }));
        return { ...clause, qcvn135: from("QCVN_135_2024_BTTTT"), etsi: from("ETSI_EN_303_645") };
      }),
    })),
  };
}

// What a published version changed: against the previous revision of the same version label, or,
// for a first revision, against the regulation's version published just before it.
export async function compareCatalogVersionWithPrevious(catalogVersionId: string) {
  const db = platformDb();
  const current = await db.catalogVersion.findUnique({ where: { id: catalogVersionId } });
  if (!current) throw notFound("Catalog version");
  const previous =
    (await db.catalogVersion.findFirst({
      where: { regulation: current.regulation, version: current.version, revision: { lt: current.revision } },
      orderBy: { revision: "desc" },
    })) ??
    (await db.catalogVersion.findFirst({
      where: { regulation: current.regulation, version: { not: current.version }, publishedAt: { lt: current.publishedAt } },
      orderBy: { publishedAt: "desc" },
    }));
  if (!previous) return { current, previous: null, diff: null };
  return { current, previous, diff: diffCatalogVersions(previous.document as unknown as Catalog, current.document as unknown as Catalog) };
}

export async function compareMappingSetWithPrevious(mappingSetId: string) {
  const db = platformDb();
  const current = await db.mappingSet.findUnique({ where: { id: mappingSetId } });
  if (!current) throw notFound("Mapping set");
  const previous = await db.mappingSet.findFirst({ where: { key: current.key, revision: { lt: current.revision } }, orderBy: { revision: "desc" } });
  if (!previous) return { current, previous: null, diff: null };
  return { current, previous, diff: diffMappingSets(previous.document as unknown as MappingSet, current.document as unknown as MappingSet) };
}

// One mapping set with every decision, in file order (a set holds at most a few hundred mappings).
export async function getMappingSet(mappingSetId: string) {
  const select = { id: true, code: true, titleVi: true, titleEn: true } as const;
  const set = await platformDb().mappingSet.findUnique({
    where: { id: mappingSetId },
    select: {
      id: true, key: true, revision: true, titleVi: true, titleEn: true, provisional: true, publishedAt: true, origin: true,
      sourceCatalogVersion: { select: { id: true, regulation: true, version: true, revision: true } },
      targetCatalogVersion: { select: { id: true, regulation: true, version: true, revision: true } },
      mappings: {
        orderBy: { position: "asc" },
        select: { id: true, relation: true, strength: true, inferred: true, certainty: true, rationale: true, sourceClause: { select }, targetClause: { select } },
      },
    },
  });
  if (!set) throw notFound("Mapping set");
  return set;
}
