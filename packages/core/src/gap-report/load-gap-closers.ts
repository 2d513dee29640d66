import type { GapClosersInput } from "@hopquy/compliance";
import type { TenantTx } from "@hopquy/db";
import type { RemapWorld } from "../remap/load-remap-world";

const ETSI_EN_303_645 = "ETSI_EN_303_645";
const ETSI_TS_103_701 = "ETSI_TS_103_701";

// Which EN 303 645 version each TS 103 701 version assesses (its catalog notes; QCVN 135 names the
// pair). Within it a test group's code is the provision it tests, and each test case names its group.
// A TS version missing here links no test case: the report then says none is recorded.
const TS_103_701_ASSESSES: Readonly<Record<string, string>> = { "V1.1.1": "V2.1.1" };

type Reader = Pick<TenantTx, "catalogVersion" | "clause">;

interface TestCase {
  code: string;
  title: { vi: string | null; en: string | null };
  ixitFormCodes: string[];
  ixitForms: { code: string; title: { vi: string | null; en: string | null } }[];
}

const detailString = (details: unknown, key: string): string | null => {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : null;
};
const detailStrings = (details: unknown, key: string): string[] => {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

/**
 * What would close each target clause, from the published catalogs only (three queries):
 * the EN 303 645 provisions whose mappings reach the clause in the re-mapping graph (directly or
 * through QCVN 135, any relation but not_related), the TS 103 701 test cases of those provisions
 * (and any test case a published mapping set leads to the clause) and the IXIT forms they need.
 */
export async function loadGapClosers(db: Reader, world: RemapWorld): Promise<Map<string, GapClosersInput>> {
  const versions = await db.catalogVersion.findMany({
    where: { regulation: { in: [ETSI_EN_303_645, ETSI_TS_103_701] } },
    orderBy: [{ version: "asc" }, { revision: "desc" }],
    select: { id: true, regulation: true, version: true, revision: true },
  });
  // Every EN revision (the graph names whichever one its mapping sets point at); the newest TS revision.
  const enVersions = versions.filter((v) => v.regulation === ETSI_EN_303_645);
  const tsVersions = versions.filter((v) => v.regulation === ETSI_TS_103_701).filter((v, i, all) => i === 0 || all[i - 1]!.version !== v.version);
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const [tsDocuments, clauses] = await Promise.all([
    tsVersions.length ? db.catalogVersion.findMany({ where: { id: { in: tsVersions.map((v) => v.id) } }, select: { id: true, document: true } }) : [],
    db.clause.findMany({
      where: { catalogVersionId: { in: [...enVersions, ...tsVersions].map((v) => v.id) } },
      orderBy: { id: "asc" },
      select: { id: true, code: true, titleVi: true, titleEn: true, details: true, catalogVersionId: true },
    }),
  ]);

  const ixitNames = new Map<string, Map<string, string>>();
  for (const doc of tsDocuments) {
    const forms = (doc.document as { ixitForms?: { id?: unknown; name?: unknown }[] } | null)?.ixitForms ?? [];
    ixitNames.set(doc.id, new Map(forms.filter((f) => typeof f.id === "string" && typeof f.name === "string").map((f) => [f.id as string, f.name as string])));
  }

  // Test cases by "<EN version>|<provision code>", and every test case by clause id.
  const testCasesOf = new Map<string, TestCase[]>();
  const testCaseById = new Map<string, TestCase>();
  for (const c of clauses) {
    const version = versionOf.get(c.catalogVersionId)!;
    if (version.regulation !== ETSI_TS_103_701) continue;
    const names = ixitNames.get(version.id);
    const ixitFormCodes = detailStrings(c.details, "ixits");
    const testCase: TestCase = {
      code: c.code,
      title: { vi: c.titleVi, en: c.titleEn },
      ixitFormCodes,
      // IXIT forms are English pro formas: they have a name, no Vietnamese title.
      ixitForms: ixitFormCodes.map((code) => ({ code, title: { vi: null, en: names?.get(code) ?? null } })),
    };
    testCaseById.set(c.id, testCase);
    const assessed = TS_103_701_ASSESSES[version.version];
    const group = detailString(c.details, "group");
    if (!assessed || !group) continue;
    const key = `${assessed}|${group}`;
    testCasesOf.set(key, [...(testCasesOf.get(key) ?? []), testCase]);
  }

  const closers = new Map<string, { etsiProvisions: GapClosersInput["etsiProvisions"][number][]; testCases: TestCase[] }>();
  const entryOf = (targetId: string) => {
    const entry = closers.get(targetId) ?? { etsiProvisions: [], testCases: [] };
    closers.set(targetId, entry);
    return entry;
  };
  for (const c of clauses) {
    const version = versionOf.get(c.catalogVersionId)!;
    const reached = world.graph.reach(c.id);
    if (reached.size === 0) continue;
    if (version.regulation === ETSI_EN_303_645) {
      const testCases = testCasesOf.get(`${version.version}|${c.code}`) ?? [];
      for (const targetId of reached.keys()) {
        const entry = entryOf(targetId);
        entry.etsiProvisions.push({ code: c.code, title: { vi: c.titleVi, en: c.titleEn }, testCaseCodes: testCases.map((t) => t.code) });
        entry.testCases.push(...testCases);
      }
    } else {
      // A mapping set from TS 103 701 test cases straight to the clause (none is shipped yet).
      for (const targetId of reached.keys()) entryOf(targetId).testCases.push(testCaseById.get(c.id)!);
    }
  }

  return new Map(
    [...closers].map(([targetId, { etsiProvisions, testCases }]) => [
      targetId,
      {
        etsiProvisions,
        testCases: testCases.map((t) => ({ code: t.code, title: t.title, ixitFormCodes: t.ixitFormCodes })),
        ixitForms: testCases.flatMap((t) => t.ixitForms),
      },
    ]),
  );
}
