// Browsing published reference data: a version's tree, a clause with its mappings (newest revision of
// each mapping set only), the QCVN 135 <-> QCVN 11 <-> ETSI crosswalk and mapping-set diffs.
import { exportMappingSetYaml, type Catalog, type MappingSet } from "@hopquy/catalog";
import { loadShippedData } from "@hopquy/catalog/shipped";
import { platformDb } from "@hopquy/db";
import { beforeAll, describe, expect, it } from "vitest";
import { compareMappingSetWithPrevious, getCatalogVersionTree, getClauseWithRelations, getCrosswalk, listCatalogVersions } from "./browse-catalogs";
import { importReferenceFile } from "./import-reference-file";
import { loadShippedReferenceData } from "./load-shipped-reference-data";
import { publishCatalogVersion } from "./publish-catalog-version";
import {
  createPlatformAdmin,
  ETSI_V2,
  expectAppError,
  latestCatalogVersion,
  QCVN_11,
  QCVN_135,
  shippedCatalog,
  shippedMappingSet,
  uniqueMappingSetId,
  uniqueRegulation,
} from "./testing/catalog-fixtures";

const shipped = loadShippedData();
const QCVN_135_TO_11 = "qcvn-135-2024--qcvn-11-2026-provisional-1";
const ETSI_TO_11 = "etsi-en-303-645-v2.1.1--qcvn-11-2026-provisional-1";

beforeAll(async () => {
  await loadShippedReferenceData();
});

async function clauseId(ref: { regulation: string; version: string }, code: string): Promise<string> {
  const version = await latestCatalogVersion(ref);
  return (await platformDb().clause.findFirstOrThrow({ where: { catalogVersionId: version.id, code }, select: { id: true } })).id;
}

/** What the shipped mapping-set files say maps onto `target`, as { source, relation, rationale }. */
function fileMappingsOnto(setId: string, target: string) {
  return shippedMappingSet(setId)
    .mappings.filter((m) => m.target === target)
    .map((m) => ({ source: m.source, relation: m.relation, rationale: m.rationale ?? null }));
}

describe("getCatalogVersionTree", () => {
  it.each([QCVN_11, QCVN_135, ETSI_V2])("$regulation $version: groups in file order, each with its clauses in order", async (ref) => {
    const file = shipped.catalogs.find((c) => c.regulation === ref.regulation && c.version === ref.version)!;
    const tree = await getCatalogVersionTree((await latestCatalogVersion(ref)).id);

    expect(tree.groups.map((g) => g.code)).toEqual(file.groups.map((g) => g.code));
    for (const group of tree.groups) {
      expect(group.clauses.map((c) => c.code), group.code).toEqual(file.clauses.filter((c) => c.group === group.code).map((c) => c.code));
    }
    expect(tree.conditions).toEqual(file.conditions ?? []);
    expect(tree.sources).toEqual(file.sources);
  });

  it("a clause in the tree carries its title, status and provisional flag", async () => {
    const tree = await getCatalogVersionTree((await latestCatalogVersion(QCVN_11)).id);
    const file = shipped.catalogs.find((c) => c.regulation === QCVN_11.regulation)!;
    const first = file.clauses[0]!;
    expect(tree.groups[0]!.clauses[0]).toMatchObject({ code: first.code, titleEn: first.title.en, titleVi: first.title.vi, status: first.status, mandatory: true, provisional: true });
  });

  it("an unknown id is NOT_FOUND", async () => {
    await expectAppError(getCatalogVersionTree("no-such-version"), "NOT_FOUND");
  });
});

describe("listCatalogVersions", () => {
  it("lists the shipped versions with their clause and mapping counts", async () => {
    const { versions, mappingSets } = await listCatalogVersions();
    const qcvn11 = versions.find((v) => v.regulation === QCVN_11.regulation && v.version === QCVN_11.version);
    expect(qcvn11?._count).toEqual({ clauses: 41, groups: 11 });
    const set = mappingSets.find((s) => s.key === QCVN_135_TO_11);
    expect(set?._count.mappings).toBe(shippedMappingSet(QCVN_135_TO_11).mappings.length);
    expect(set?.targetCatalogVersion).toMatchObject(QCVN_11);
  });
});

describe("getClauseWithRelations", () => {
  it("a QCVN 11 clause shows what QCVN 135 and ETSI map onto it, with relation and rationale", async () => {
    const { clause, incoming, outgoing } = await getClauseWithRelations(await clauseId(QCVN_11, "HQ11-G01-01"));

    expect(clause).toMatchObject({ code: "HQ11-G01-01", group: { code: "HQ11-G01" }, catalogVersion: QCVN_11 });
    expect(outgoing).toEqual([]);
    const from = (key: string) =>
      incoming.filter((m) => m.mappingSet.key === key).map((m) => ({ source: m.sourceClause.code, relation: m.relation, rationale: m.rationale }));
    expect(from(QCVN_135_TO_11)).toEqual(fileMappingsOnto(QCVN_135_TO_11, "HQ11-G01-01"));
    expect(from(QCVN_135_TO_11).map((m) => m.source)).toEqual(["2.1.1"]);
    expect(from(ETSI_TO_11)).toEqual(fileMappingsOnto(ETSI_TO_11, "HQ11-G01-01"));
    expect(from(ETSI_TO_11).map((m) => m.source)).toContain("5.1-1");
    expect(incoming.every((m) => m.sourceClause.catalogVersion.regulation !== QCVN_11.regulation)).toBe(true);
  });

  it("an ETSI clause shows where it maps to in each mapping set", async () => {
    const { outgoing } = await getClauseWithRelations(await clauseId(ETSI_V2, "5.1-1"));
    const expected = shipped.mappingSets
      .filter((set) => set.sourceCatalog.regulation === ETSI_V2.regulation && set.sourceCatalog.version === ETSI_V2.version)
      .flatMap((set) => set.mappings.filter((m) => m.source === "5.1-1").map((m) => `${set.id}: ${m.target ?? "-"} ${m.relation}`));
    expect(outgoing.map((m) => `${m.mappingSet.key}: ${m.targetClause?.code ?? "-"} ${m.relation}`).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(3);
  });

  it("an unknown id is NOT_FOUND", async () => {
    await expectAppError(getClauseWithRelations("no-such-clause"), "NOT_FOUND");
  });
});

describe("getCrosswalk", () => {
  it("one row per provisional QCVN 11 clause, with the QCVN 135 and ETSI clauses mapped onto it", async () => {
    const crosswalk = await getCrosswalk();
    const file = shipped.catalogs.find((c) => c.regulation === QCVN_11.regulation)!;

    expect(crosswalk.target).toMatchObject({ ...QCVN_11, provisional: true });
    expect(crosswalk.groups.map((g) => g.code)).toEqual(file.groups.map((g) => g.code));
    const rows = crosswalk.groups.flatMap((g) => g.clauses);
    expect(rows.map((r) => r.code)).toEqual(file.clauses.map((c) => c.code));

    const row = rows.find((r) => r.code === "HQ11-G01-01")!;
    expect(row.qcvn135.map((c) => c.code)).toEqual(fileMappingsOnto(QCVN_135_TO_11, "HQ11-G01-01").map((m) => m.source));
    expect(row.qcvn135.map((c) => c.code)).toContain("2.1.1");
    expect(row.etsi.map((c) => c.code)).toEqual(fileMappingsOnto(ETSI_TO_11, "HQ11-G01-01").map((m) => m.source));
    expect(row.etsi.map((c) => c.code)).toContain("5.1-1");
    expect(row.qcvn135[0]).toMatchObject({ relation: "equal", rationale: fileMappingsOnto(QCVN_135_TO_11, "HQ11-G01-01")[0]!.rationale });

    const targeted = (id: string) => shippedMappingSet(id).mappings.filter((m) => m.target !== undefined).length;
    expect(rows.flatMap((r) => r.qcvn135)).toHaveLength(targeted(QCVN_135_TO_11));
    expect(rows.flatMap((r) => r.etsi)).toHaveLength(targeted(ETSI_TO_11));
  });
});

// Own catalogs (fresh regulation codes) and an own mapping set published in two revisions, so the
// shipped rows that other test files read stay as they are.
describe("a mapping set with two revisions", () => {
  let source: Catalog;
  let target: Catalog;
  let first: MappingSet;
  let second: MappingSet;
  let firstId: string;
  let secondId: string;

  beforeAll(async () => {
    const admin = await createPlatformAdmin();
    source = { ...shippedCatalog(QCVN_135), regulation: uniqueRegulation() };
    target = { ...shippedCatalog(QCVN_11), regulation: uniqueRegulation() };
    await publishCatalogVersion(source, { origin: "shipped" });
    await publishCatalogVersion(target, { origin: "shipped" });

    first = {
      ...shippedMappingSet(QCVN_135_TO_11),
      id: uniqueMappingSetId(),
      sourceCatalog: { regulation: source.regulation, version: source.version },
      targetCatalog: { regulation: target.regulation, version: target.version },
    };
    expect(first.mappings.slice(0, 2).map((m) => `${m.source} -> ${m.target}`)).toEqual(["2.1.1 -> HQ11-G01-01", "2.1.2 -> HQ11-G01-02"]);
    // Revision 2: a new rationale for 2.1.1, and 2.1.2 -> HQ11-G01-02 withdrawn.
    second = structuredClone(first);
    second.mappings[0]!.rationale = "Revised rationale";
    second.mappings.splice(1, 1);

    const results = [];
    for (const set of [first, second]) results.push(await importReferenceFile(admin, { fileName: "set.yaml", text: exportMappingSetYaml(set) }));
    expect(results).toEqual([
      expect.objectContaining({ ok: true, kind: "mapping-set", revision: 1, created: true }),
      expect.objectContaining({ ok: true, kind: "mapping-set", revision: 2, created: true }),
    ]);
    const ids = results.map((r) => (r.ok ? r.id : ""));
    firstId = ids[0]!;
    secondId = ids[1]!;
  });

  it("a clause shows the newest revision's mapping only", async () => {
    const { incoming } = await getClauseWithRelations(await clauseId(target, "HQ11-G01-01"));
    expect(incoming.map((m) => ({ revision: m.mappingSet.revision, source: m.sourceClause.code, rationale: m.rationale }))).toEqual([
      { revision: 2, source: "2.1.1", rationale: "Revised rationale" },
    ]);
    const { outgoing } = await getClauseWithRelations(await clauseId(source, "2.1.1"));
    expect(outgoing.map((m) => m.mappingSet.id)).toEqual([secondId]);
  });

  it("a mapping withdrawn in the newest revision is no longer shown", async () => {
    expect((await getClauseWithRelations(await clauseId(target, "HQ11-G01-02"))).incoming).toEqual([]);
    expect((await getClauseWithRelations(await clauseId(source, "2.1.2"))).outgoing).toEqual([]);
  });

  it("the crosswalk for that target version uses the newest revision", async () => {
    const crosswalk = await getCrosswalk((await latestCatalogVersion(target)).id);
    expect(crosswalk.sources).toEqual([{ regulation: source.regulation, version: source.version }]);
  });

  it("compareMappingSetWithPrevious lists the changed and the withdrawn decision", async () => {
    const { previous, diff } = await compareMappingSetWithPrevious(secondId);
    expect(previous?.id).toBe(firstId);
    expect(diff?.added).toEqual([]);
    expect(diff?.removed).toEqual([first.mappings[1]]);
    expect(diff?.changed.map((c) => ({ code: c.code, fields: c.fields }))).toEqual([{ code: "2.1.1 -> HQ11-G01-01", fields: ["rationale"] }]);
    expect((await compareMappingSetWithPrevious(firstId)).diff).toBeNull();
  });
});
