import { platformDb } from "@hopquy/db";
import { TARGET_REGULATION } from "../assessments/target-catalog";

// Clauses evidence can be linked to: the newest revision of every published catalog version, the
// QCVN 11 target first. Reference data only, so no tenant is involved.
export async function listClauseChoices() {
  const versions = await platformDb().catalogVersion.findMany({
    orderBy: [{ regulation: "asc" }, { version: "asc" }, { revision: "desc" }],
    select: { id: true, regulation: true, version: true, revision: true, titleVi: true, titleEn: true, provisional: true },
  });
  const newest = versions.filter((v, i) => i === 0 || versions[i - 1]!.regulation !== v.regulation || versions[i - 1]!.version !== v.version);
  newest.sort((a, b) => Number(b.regulation === TARGET_REGULATION) - Number(a.regulation === TARGET_REGULATION));
  const clauses = await platformDb().clause.findMany({
    where: { catalogVersionId: { in: newest.map((v) => v.id) } },
    orderBy: [{ position: "asc" }],
    select: { id: true, code: true, titleVi: true, titleEn: true, catalogVersionId: true, group: { select: { position: true } } },
  });
  clauses.sort((a, b) => a.group.position - b.group.position);
  return newest.map((version) => ({ version, clauses: clauses.filter((c) => c.catalogVersionId === version.id) }));
}
