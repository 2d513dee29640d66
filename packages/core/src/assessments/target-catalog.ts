import { platformDb } from "@hopquy/db";
import type { TenantTx } from "@hopquy/db";

// The catalog SKUs are assessed against: the newest published QCVN 11 version. When the official
// text is imported as a new version, the matrix moves to it (older assessments stay as history).
export const TARGET_REGULATION = "QCVN_11_2026_BCA";

export interface TargetCatalog {
  id: string;
  version: string;
  revision: number;
  provisional: boolean;
  groups: { id: string; code: string; position: number; titleVi: string | null; titleEn: string | null }[];
  clauses: {
    id: string;
    code: string;
    groupId: string;
    position: number;
    titleVi: string | null;
    titleEn: string | null;
    conditions: number[];
    mandatory: boolean | null;
  }[];
}

type CatalogReader = Pick<TenantTx, "catalogVersion" | "requirementGroup" | "clause">;

// `regulation` is fixed in production; the catalog change impact tests pass their own code so that
// publishing test revisions never moves the target of other test files.
export async function loadTargetCatalog(db: CatalogReader, regulation: string = TARGET_REGULATION): Promise<TargetCatalog | null> {
  const version = await db.catalogVersion.findFirst({
    where: { regulation },
    orderBy: [{ publishedAt: "desc" }, { revision: "desc" }],
    select: { id: true, version: true, revision: true, provisional: true },
  });
  if (!version) return null;
  const [groups, clauses] = await Promise.all([
    db.requirementGroup.findMany({
      where: { catalogVersionId: version.id },
      orderBy: { position: "asc" },
      select: { id: true, code: true, position: true, titleVi: true, titleEn: true },
    }),
    db.clause.findMany({
      where: { catalogVersionId: version.id },
      orderBy: [{ position: "asc" }],
      select: { id: true, code: true, groupId: true, position: true, titleVi: true, titleEn: true, conditions: true, mandatory: true },
    }),
  ]);
  const groupPosition = new Map(groups.map((g) => [g.id, g.position]));
  clauses.sort((a, b) => (groupPosition.get(a.groupId) ?? 0) - (groupPosition.get(b.groupId) ?? 0) || a.position - b.position);
  return { ...version, groups, clauses };
}

// For pages that only show the catalog (reference data, no tenant).
export function getTargetCatalog(): Promise<TargetCatalog | null> {
  return loadTargetCatalog(platformDb());
}
