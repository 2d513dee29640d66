// Publishing reference data: the shipped files load once, a changed file becomes exactly one new
// revision, concurrent publishers of the same file agree, and published rows cannot be edited.
import { exportCatalogYaml } from "@hopquy/catalog";
import { loadShippedData } from "@hopquy/catalog/shipped";
import { platformDb } from "@hopquy/db";
import { executeRawSqlForTest } from "@hopquy/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { compareCatalogVersionWithPrevious } from "./browse-catalogs";
import { importReferenceFile } from "./import-reference-file";
import { loadShippedReferenceData } from "./load-shipped-reference-data";
import { publishCatalogVersion } from "./publish-catalog-version";
import {
  createPlatformAdmin,
  ETSI_V2,
  freshCatalog,
  latestCatalogVersion,
  latestMappingSet,
  QCVN_11,
  QCVN_135,
  rowsOfMappingSet,
  rowsOfRegulation,
} from "./testing/catalog-fixtures";

const shipped = loadShippedData();

async function shippedRowCounts() {
  const regulations = [...new Set(shipped.catalogs.map((c) => c.regulation))];
  const timelines = await platformDb().regulatoryTimeline.count({ where: { key: shipped.timeline.id } });
  return {
    catalogs: Object.fromEntries(await Promise.all(regulations.map(async (r) => [r, await rowsOfRegulation(r)] as const))),
    mappingSets: Object.fromEntries(await Promise.all(shipped.mappingSets.map(async (s) => [s.id, await rowsOfMappingSet(s.id)] as const))),
    timelines,
  };
}

async function clauseCounts(ref: { regulation: string; version: string }) {
  const { id } = await latestCatalogVersion(ref);
  const db = platformDb();
  const [clauses, mandatory, notProvisional, groups, provisionalGroups] = await Promise.all([
    db.clause.count({ where: { catalogVersionId: id } }),
    db.clause.count({ where: { catalogVersionId: id, mandatory: true } }),
    db.clause.count({ where: { catalogVersionId: id, provisional: false } }),
    db.requirementGroup.count({ where: { catalogVersionId: id } }),
    db.requirementGroup.count({ where: { catalogVersionId: id, provisional: true } }),
  ]);
  return { clauses, mandatory, notProvisional, groups, provisionalGroups };
}

describe("loadShippedReferenceData", () => {
  beforeAll(async () => {
    await loadShippedReferenceData();
  });

  it("a second run creates nothing and leaves the shipped rows as they were", async () => {
    const before = await shippedRowCounts();
    const second = await loadShippedReferenceData();

    expect(second.catalogs.map((c) => c.label).sort()).toEqual(shipped.catalogs.map((c) => `${c.regulation} ${c.version}`).sort());
    expect(second.catalogs.filter((c) => c.created)).toEqual([]);
    expect(second.mappingSets.map((s) => s.label).sort()).toEqual(shipped.mappingSets.map((s) => s.id).sort());
    expect(second.mappingSets.filter((s) => s.created)).toEqual([]);
    expect(second.timelineCreated).toBe(false);
    expect(await shippedRowCounts()).toEqual(before);
    expect(before.timelines).toBeGreaterThanOrEqual(1);
  });

  it("every shipped catalog version is stored once, as revision 1", async () => {
    for (const catalog of shipped.catalogs) {
      const revisions = await platformDb().catalogVersion.findMany({ where: { regulation: catalog.regulation, version: catalog.version } });
      expect(revisions.map((r) => r.revision), `${catalog.regulation} ${catalog.version}`).toEqual([1]);
      expect(revisions[0]).toMatchObject({ origin: "shipped", provisional: catalog.provisional, codeScheme: catalog.codeScheme });
    }
  });

  it("ETSI EN 303 645 V2.1.1 has 68 clauses, 33 of them mandatory", async () => {
    expect(await clauseCounts(ETSI_V2)).toMatchObject({ clauses: 68, mandatory: 33, notProvisional: 68 });
  });

  it("QCVN 135:2024 has 36 clauses", async () => {
    expect(await clauseCounts(QCVN_135)).toMatchObject({ clauses: 36 });
  });

  it("provisional QCVN 11:2026 has 41 clauses in 11 groups, all provisional", async () => {
    expect(await clauseCounts(QCVN_11)).toEqual({ clauses: 41, mandatory: 41, notProvisional: 0, groups: 11, provisionalGroups: 11 });
    expect((await latestCatalogVersion(QCVN_11)).provisional).toBe(true);
  });

  it("each mapping set holds the file's mappings, between the catalog versions it names", async () => {
    for (const file of shipped.mappingSets) {
      const set = await latestMappingSet(file.id);
      const [mappings, withoutTarget, source, target] = await Promise.all([
        platformDb().clauseMapping.count({ where: { mappingSetId: set.id } }),
        platformDb().clauseMapping.count({ where: { mappingSetId: set.id, targetClauseId: null } }),
        latestCatalogVersion(file.sourceCatalog),
        latestCatalogVersion(file.targetCatalog),
      ]);
      expect(mappings, file.id).toBe(file.mappings.length);
      expect(withoutTarget, file.id).toBe(file.mappings.filter((m) => m.relation === "not_related").length);
      expect(set).toMatchObject({ revision: 1, sourceCatalogVersionId: source.id, targetCatalogVersionId: target.id });
    }
  });
});

describe("a changed file", () => {
  it("becomes exactly one new revision; the diff names the changed clause and field", async () => {
    const admin = await createPlatformAdmin();
    const catalog = freshCatalog();
    const original = exportCatalogYaml(catalog);
    const clause = catalog.clauses.find((c) => c.code === "2.2.1")!;
    const titleLine = `en: ${clause.title.en}`;
    expect(original.split(titleLine)).toHaveLength(2);
    const changed = original.replace(titleLine, `${titleLine} (amended)`);

    const first = await importReferenceFile(admin, { fileName: "catalog.yaml", text: original });
    expect(first).toMatchObject({ ok: true, kind: "catalog", revision: 1, created: true });
    const second = await importReferenceFile(admin, { fileName: "catalog.yaml", text: changed });
    expect(second).toMatchObject({ ok: true, kind: "catalog", revision: 2, created: true });
    const again = await importReferenceFile(admin, { fileName: "catalog-again.yaml", text: changed });
    expect(again).toMatchObject({ ok: true, revision: 2, created: false });
    if (!first.ok || !second.ok || !again.ok) throw new Error("unreachable");
    expect(again.id).toBe(second.id);

    expect(await rowsOfRegulation(catalog.regulation)).toEqual({ versions: 2, groups: 2 * catalog.groups.length, clauses: 2 * catalog.clauses.length });
    const stored = await platformDb().clause.findFirstOrThrow({ where: { catalogVersionId: second.id, code: clause.code } });
    expect(stored.titleEn).toBe(`${clause.title.en} (amended)`);

    const { previous, diff } = await compareCatalogVersionWithPrevious(second.id);
    expect(previous?.id).toBe(first.id);
    expect(diff?.clauses.added).toEqual([]);
    expect(diff?.clauses.removed).toEqual([]);
    expect(diff?.clauses.changed.map((c) => ({ code: c.code, fields: c.fields }))).toEqual([{ code: clause.code, fields: ["title"] }]);
    expect(diff?.clauses.changed[0]?.after.title.en).toBe(`${clause.title.en} (amended)`);
    expect(diff?.groups).toEqual({ added: [], removed: [], changed: [] });
  });

  it("a revert to an older text becomes the newest revision, not a silent no-op", async () => {
    const admin = await createPlatformAdmin();
    const catalog = freshCatalog();
    const original = exportCatalogYaml(catalog);
    const clause = catalog.clauses.find((c) => c.code === "2.2.1")!;
    const changed = original.replace(`en: ${clause.title.en}`, `en: ${clause.title.en} (amended)`);
    await importReferenceFile(admin, { fileName: "v1.yaml", text: original });
    await importReferenceFile(admin, { fileName: "v2.yaml", text: changed });
    const reverted = await importReferenceFile(admin, { fileName: "v1-again.yaml", text: original });
    expect(reverted).toMatchObject({ ok: true, revision: 3, created: true });
    if (!reverted.ok) throw new Error("unreachable");
    const { previous, diff } = await compareCatalogVersionWithPrevious(reverted.id);
    expect(previous?.revision).toBe(2);
    expect(diff?.clauses.changed.map((c) => c.code)).toEqual([clause.code]);
    expect(await rowsOfRegulation(catalog.regulation)).toMatchObject({ versions: 3 });
  });

  it("the first version of a regulation has nothing to compare with", async () => {
    const { catalogVersion } = await publishCatalogVersion(freshCatalog(), { origin: "shipped" });
    expect(await compareCatalogVersionWithPrevious(catalogVersion.id)).toMatchObject({ previous: null, diff: null });
  });
});

describe("concurrent publishing", () => {
  it("two publishers of the same new catalog create one version between them", async () => {
    const catalog = freshCatalog();
    const results = await Promise.all([
      publishCatalogVersion(catalog, { origin: "shipped" }),
      publishCatalogVersion(structuredClone(catalog), { origin: "shipped" }),
    ]);

    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.catalogVersion.id).toBe(results[1]!.catalogVersion.id);
    expect(await rowsOfRegulation(catalog.regulation)).toEqual({ versions: 1, groups: catalog.groups.length, clauses: catalog.clauses.length });
  });

  it("two publishers of different contents for the same label get revisions 1 and 2", async () => {
    const catalog = freshCatalog();
    const changed = structuredClone(catalog);
    changed.clauses[0]!.title.en = "Changed";
    const results = await Promise.all([publishCatalogVersion(catalog, { origin: "shipped" }), publishCatalogVersion(changed, { origin: "shipped" })]);

    expect(results.every((r) => r.created)).toBe(true);
    expect(results.map((r) => r.catalogVersion.revision).sort()).toEqual([1, 2]);
  });
});

describe("published rows are immutable", () => {
  const refused = (table: string) => new RegExp(`${table} rows are immutable once published`);

  it.each([
    ["CatalogVersion", "UPDATE", `UPDATE "CatalogVersion" SET "titleEn" = 'x' WHERE "regulation" = '${QCVN_135.regulation}'`],
    ["CatalogVersion", "DELETE", `DELETE FROM "CatalogVersion" WHERE "regulation" = '${QCVN_135.regulation}'`],
    ["Clause", "UPDATE", `UPDATE "Clause" SET "titleEn" = 'x' WHERE "code" = '2.1.1'`],
    ["Clause", "DELETE", `DELETE FROM "Clause" WHERE "code" = '2.1.1'`],
    ["ClauseMapping", "UPDATE", `UPDATE "ClauseMapping" SET "strength" = 0`],
    ["ClauseMapping", "DELETE", `DELETE FROM "ClauseMapping"`],
  ])("%s: %s is refused by the trigger", async (table, _operation, sql) => {
    await loadShippedReferenceData();
    const before = await shippedRowCounts();
    await expect(executeRawSqlForTest(sql)).rejects.toThrow(refused(table));
    expect(await shippedRowCounts()).toEqual(before);
  });

  it("a clause keeps its title after a refused update", async () => {
    const version = await latestCatalogVersion(QCVN_135);
    const clause = await platformDb().clause.findFirstOrThrow({ where: { catalogVersionId: version.id, code: "2.1.1" } });
    await expect(executeRawSqlForTest(`UPDATE "Clause" SET "titleEn" = 'tampered' WHERE "id" = '${clause.id}'`)).rejects.toThrow(refused("Clause"));
    expect((await platformDb().clause.findUniqueOrThrow({ where: { id: clause.id } })).titleEn).toBe(clause.titleEn);
  });
});
