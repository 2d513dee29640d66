import { contentHash, type RiskList } from "@hopquy/catalog";
import { advisoryXactLock, platformDb, type Prisma } from "@hopquy/db";
import { dateOfIsoDay } from "../assessments/today";
import { provenanceOf, type PublishMeta } from "../catalog/publish-catalog-version";

// Idempotent like catalogs: content identical to the newest revision of the list adds nothing; any
// other content becomes the next revision, which is then the list in force.
export async function publishRiskList(list: RiskList, meta: PublishMeta) {
  const hash = contentHash(list);
  return platformDb().$transaction(async (tx) => {
    await advisoryXactLock(tx, `risk-list:${list.id}`);
    const latest = await tx.riskList.findFirst({ where: { key: list.id }, orderBy: { revision: "desc" } });
    if (latest?.contentHash === hash) return { riskList: latest, created: false };
    const citation = list.sources.find((s) => s.id === list.source)?.citation ?? list.source;
    const created = await tx.riskList.create({
      data: {
        key: list.id,
        revision: (latest?.revision ?? 0) + 1,
        contentHash: hash,
        status: list.status,
        version: list.version,
        instrumentName: list.instrument?.name ?? null,
        instrumentNumber: list.instrument?.number ?? null,
        publicationDate: list.publicationDate === "TBD" ? null : dateOfIsoDay(list.publicationDate),
        effectiveDate: list.effectiveDate === "TBD" ? null : dateOfIsoDay(list.effectiveDate),
        sourceCitation: citation,
        document: list as unknown as Prisma.InputJsonValue,
        ...provenanceOf(meta),
      },
    });
    return { riskList: created, created: true };
  });
}
