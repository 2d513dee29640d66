import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMandatoryStatus } from "./clause-status";
import { exportRiskListYaml } from "./export/export-risk-list-yaml";
import { parseCatalog } from "./parse/parse-catalog";
import { parseMappingSet } from "./parse/parse-mapping-set";
import { parseRiskList } from "./parse/parse-risk-list";
import { parseTimeline } from "./parse/parse-timeline";
import type { Catalog } from "./schema/catalog-schema";
import type { MappingSet } from "./schema/mapping-set-schema";
import { loadShippedData, SHIPPED_DATA_DIR, ShippedDataError } from "./shipped";
import { validateMappingSetReferences } from "./validate-references";

const data = loadShippedData();

function catalog(regulation: string, version: string): Catalog {
  const found = data.catalogs.find((c) => c.regulation === regulation && c.version === version);
  if (!found) throw new Error(`no shipped catalog ${regulation}@${version}`);
  return found;
}
const catalogOf = (ref: MappingSet["sourceCatalog"]) => catalog(ref.regulation, ref.version);

const v2 = catalog("ETSI_EN_303_645", "V2.1.1");
const v3 = catalog("ETSI_EN_303_645", "V3.1.3");
const ts = catalog("ETSI_TS_103_701", "V1.1.1");
const q135 = catalog("QCVN_135_2024_BTTTT", "2024");
const q11 = catalog("QCVN_11_2026_BCA", "2026-provisional-1");

describe("shipped data files", () => {
  const parsers = { catalogs: parseCatalog, "mapping-sets": parseMappingSet, timeline: parseTimeline, "risk-lists": parseRiskList } as const;
  for (const [folder, parse] of Object.entries(parsers)) {
    for (const name of readdirSync(join(SHIPPED_DATA_DIR, folder))) {
      it(`${folder}/${name} passes its schema`, () => {
        const text = readFileSync(join(SHIPPED_DATA_DIR, folder, name), "utf8");
        const result = parse(text, "yaml");
        expect(result.ok ? [] : result.errors).toEqual([]);
      });
    }
  }

  it("ships five catalogs, four mapping sets and a timeline", () => {
    expect(data.catalogs.map((c) => `${c.regulation}@${c.version}`).sort()).toEqual([
      "ETSI_EN_303_645@V2.1.1",
      "ETSI_EN_303_645@V3.1.3",
      "ETSI_TS_103_701@V1.1.1",
      "QCVN_11_2026_BCA@2026-provisional-1",
      "QCVN_135_2024_BTTTT@2024",
    ]);
    expect(data.mappingSets).toHaveLength(4);
    expect(data.timeline.events.length).toBeGreaterThan(5);
  });

  it("ships the MPS risk list as not yet published, with nothing guessed", () => {
    expect(data.riskLists.map((l) => l.id)).toEqual(["mps-ip-camera-risk-list"]);
    const [list] = data.riskLists;
    expect(list).toMatchObject({ status: "not_published", publicationDate: "TBD", effectiveDate: "TBD", entries: [], obligations: [], provisional: true });
    expect(list?.instrument).toBeUndefined();
    expect(list?.title).toEqual({ vi: "Danh mục phân loại mức độ rủi ro sản phẩm camera IP của Bộ Công an", en: "MPS risk-classification list for IP cameras" });
    expect(list?.sources.find((s) => s.id === "circular-125-2026-notes")?.confidence).toBe("unverified");
    expect(list?.notes.some((note) => /not confirmed/.test(note))).toBe(true);
    // The timeline says the same: the publication is awaited.
    expect(data.timeline.events.find((e) => e.id === "mps-camera-risk-list")?.status).toBe("not_yet_published");
  });

  it("the shipped risk list is written as exportRiskListYaml writes it", () => {
    const text = readFileSync(join(SHIPPED_DATA_DIR, "risk-lists", "mps-ip-camera-risk-list.yaml"), "utf8");
    expect(exportRiskListYaml(data.riskLists[0]!)).toBe(text);
  });

  it("reads no risk lists from a data directory without the folder, and refuses two files with one id", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-data-"));
    for (const folder of ["catalogs", "mapping-sets", "timeline"]) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, "timeline", "t.yaml"), readFileSync(join(SHIPPED_DATA_DIR, "timeline", "vn-ip-camera-regulatory-timeline.yaml")));
    expect(loadShippedData(dir).riskLists).toEqual([]);
    mkdirSync(join(dir, "risk-lists"));
    const list = readFileSync(join(SHIPPED_DATA_DIR, "risk-lists", "mps-ip-camera-risk-list.yaml"), "utf8");
    writeFileSync(join(dir, "risk-lists", "a.yaml"), list);
    writeFileSync(join(dir, "risk-lists", "b.yaml"), list.replace("version: 2026-11-23", "version: 2026-11-24"));
    expect(() => loadShippedData(dir)).toThrow("Two shipped risk lists have the id mps-ip-camera-risk-list");
  });

  it("stops with the file and line of an invalid shipped risk list", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-data-"));
    for (const folder of ["catalogs", "mapping-sets", "timeline", "risk-lists"]) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, "timeline", "t.yaml"), readFileSync(join(SHIPPED_DATA_DIR, "timeline", "vn-ip-camera-regulatory-timeline.yaml")));
    const text = readFileSync(join(SHIPPED_DATA_DIR, "risk-lists", "mps-ip-camera-risk-list.yaml"), "utf8").replace("effectiveDate: TBD", "effectiveDate: soon");
    writeFileSync(join(dir, "risk-lists", "broken.yaml"), text);
    const line = text.split("\n").indexOf("effectiveDate: soon") + 1;
    expect(() => loadShippedData(dir)).toThrow(`risk-lists/broken.yaml:${line} effectiveDate`);
  });

  it("every shipped entry names a source", () => {
    for (const c of data.catalogs) for (const item of [...c.groups, ...c.clauses]) expect(item.source).toBeTruthy();
    for (const set of data.mappingSets) for (const m of set.mappings) expect(m.basis).toBeTruthy();
  });

  it("stops with the file and line of an invalid shipped file", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-data-"));
    for (const folder of ["catalogs", "mapping-sets", "timeline"]) mkdirSync(join(dir, folder));
    const text = readFileSync(join(SHIPPED_DATA_DIR, "catalogs", "qcvn-135-2024-btttt.yaml"), "utf8").replace("status: M\n", "status: Z\n");
    writeFileSync(join(dir, "catalogs", "broken.yaml"), text);
    const line = text.split("\n").indexOf("    status: Z") + 1;
    expect(() => loadShippedData(dir)).toThrow(ShippedDataError);
    expect(() => loadShippedData(dir)).toThrow(`catalogs/broken.yaml:${line} clauses[0].status`);
  });

  it("stops when a shipped mapping set names a clause its catalog lacks", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-data-"));
    for (const folder of ["catalogs", "mapping-sets", "timeline"]) mkdirSync(join(dir, folder));
    for (const name of ["etsi-en-303-645-v2.1.1.yaml", "qcvn-135-2024-btttt.yaml"]) {
      writeFileSync(join(dir, "catalogs", name), readFileSync(join(SHIPPED_DATA_DIR, "catalogs", name)));
    }
    const set = readFileSync(join(SHIPPED_DATA_DIR, "mapping-sets", "etsi-en-303-645-v2.1.1--qcvn-135-2024.yaml"), "utf8").replace("target: 2.1.1\n", "target: 2.1.9\n");
    writeFileSync(join(dir, "mapping-sets", "set.yaml"), set);
    const line = set.split("\n").indexOf("    target: 2.1.9") + 1;
    expect(() => loadShippedData(dir)).toThrow(`mapping-sets/set.yaml:${line} mappings[1].target: unknown target clause "2.1.9"`);
  });
});

describe("catalog completeness", () => {
  it("EN 303 645 V2.1.1 has 68 provisions, 33 mandatory and 35 recommended, in clauses 4, 5.1-5.13 and 6", () => {
    expect(v2.clauses).toHaveLength(68);
    expect(v2.clauses.filter((c) => isMandatoryStatus(c.status))).toHaveLength(33);
    expect(v2.clauses.filter((c) => c.status?.startsWith("R"))).toHaveLength(35);
    expect(v2.groups.map((g) => g.code)).toEqual(["4", ...Array.from({ length: 13 }, (_, i) => `5.${i + 1}`), "6"]);
    expect(v2.conditions?.map((c) => c.id)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(v2.clauses.filter((c) => c.group === "6").map((c) => c.code)).toEqual(["6-1", "6-2", "6-3", "6-4", "6-5"]);
    expect(v2.clauses.some((c) => /[AB]$/.test(c.code))).toBe(false);
  });

  it("EN 303 645 V3.1.3 carries the renumbering and flags uncertain statuses", () => {
    const codes = v3.clauses.map((c) => c.code);
    expect(codes).toHaveLength(78);
    expect(codes).toEqual(expect.arrayContaining(["5.0-1", "5.1-2A", "5.3-4A", "5.3-4B", "5.13-1A", "5.13-1B", "6-3A", "6-3B", "6-6", "6-7", "6-8"]));
    expect(codes).not.toContain("4-1");
    expect(codes).not.toContain("5.3-4");
    for (const code of ["5.3-4B", "5.3-6A", "5.3-6B", "5.6-4B"]) {
      expect(v3.clauses.find((c) => c.code === code)).toMatchObject({ confidence: "unverified", provisional: true });
    }
    expect(v3.clauses.find((c) => c.code === "5.1-5")?.status).toBe("M C (14) F (e)");
  });

  it("TS 103 701 V1.1.1 has a test group per V2.1.1 provision, 109 test cases and 29 IXIT forms", () => {
    expect(ts.groups.map((g) => g.code)).toEqual(v2.clauses.map((c) => c.code));
    expect(ts.clauses).toHaveLength(109);
    for (const testCase of ts.clauses) {
      expect(testCase.code.startsWith(`${testCase.group}-`)).toBe(true);
      expect(testCase.testType).toBeDefined();
    }
    expect(ts.clauses.find((c) => c.code === "5.3-10-1")?.testType).toBe("conceptual_functional");
    expect(ts.ixitForms).toHaveLength(29);
    expect(ts.ixitForms?.find((f) => f.id === "1-AuthMech")?.fields).toContain("Brute Force Prevention");
    expect(ts.clauses.find((c) => c.code === "5.13-1-2")?.ixits).toEqual(["11-ComMech", "27-UserIntf", "28-ExtAPI", "29-InpVal"]);
  });

  it("QCVN 135:2024/BTTTT has 11 groups and 36 requirements 2.1.1 ... 2.11.5", () => {
    expect(q135.groups).toHaveLength(11);
    expect(q135.clauses).toHaveLength(36);
    expect(q135.clauses[0]?.code).toBe("2.1.1");
    expect(q135.clauses.at(-1)?.code).toBe("2.11.5");
    const perGroup = q135.groups.map((g) => q135.clauses.filter((c) => c.group === g.code).length);
    expect(perGroup).toEqual([5, 1, 7, 4, 4, 3, 2, 3, 1, 1, 5]);
    for (const c of q135.clauses) {
      expect(c.title.vi).toBeTruthy();
      expect(c.title.en).toBeTruthy();
      if (c.titleSource === "derived") expect(c.confidence).toBe("inferred");
    }
  });

  it("QCVN 11:2026/BCA is a provisional catalog of 11 groups with derived codes", () => {
    expect(q11.provisional).toBe(true);
    expect(q11.codeScheme).toBe("derived");
    expect(q11.groups).toHaveLength(11);
    expect(q11.clauses.length).toBeGreaterThanOrEqual(40);
    expect(q11.clauses.length).toBeLessThanOrEqual(60);
    for (const c of q11.clauses) {
      expect(c.provisional).toBe(true);
      expect(c.code).toMatch(/^HQ11-G\d{2}-\d{2}$/);
    }
    const titles = q11.clauses.map((c) => c.title.en ?? "");
    for (const topic of [/system logs/, /Protection of system logs/, /in Vietnam/, /contact point/, /acknowledging/, /status updates/]) {
      expect(titles.some((title) => topic.test(title))).toBe(true);
    }
  });

  it("the timeline holds the key dates with sources", () => {
    const byId = new Map(data.timeline.events.map((e) => [e.id, e]));
    expect(byId.get("circular-21-2024-effective")?.date).toBe("2025-02-15");
    expect(byId.get("qcvn-135-mandatory")?.date).toBe("2026-01-01");
    expect(byId.get("circular-48-2026-signed")?.date).toBe("2026-05-12");
    expect(byId.get("qcvn-11-effective")?.date).toBe("2026-07-01");
    expect(byId.get("circular-125-2026-effective")).toMatchObject({ date: "2026-07-01", confidence: "unverified" });
    expect(byId.get("mps-camera-risk-list")).toMatchObject({ date: "TBD", status: "not_yet_published" });
  });
});

describe("shipped mapping sets", () => {
  for (const set of data.mappingSets) {
    describe(set.id, () => {
      const source = catalogOf(set.sourceCatalog);
      const target = catalogOf(set.targetCatalog);

      it("names only clauses of its catalogs and decides every source item", () => {
        const report = validateMappingSetReferences(set, source, target);
        expect(report).toMatchObject({ ok: true, unknownSources: [], unknownTargets: [], missingDecisions: [], catalogMismatches: [] });
      });

      it("decides every mandatory source provision", () => {
        const report = validateMappingSetReferences(set, source, target, { requiresDecision: (c) => isMandatoryStatus(c.status) });
        expect(report.missingDecisions).toEqual([]);
      });

      it("marks unpublished decisions as inferred with a rationale", () => {
        for (const mapping of set.mappings) {
          expect(mapping.inferred).toBe(true);
          expect(mapping.rationale).toBeTruthy();
        }
      });
    });
  }

  it("maps the V2.1.1 ids onto V3.1.3 as the reference renumbers them", () => {
    const set = data.mappingSets.find((s) => s.id === "etsi-en-303-645-v2.1.1--v3.1.3")!;
    const targets = (source: string) => set.mappings.filter((m) => m.source === source).map((m) => m.target);
    expect(targets("4-1")).toEqual(["5.0-1"]);
    expect(targets("5.3-4")).toEqual(["5.3-4A", "5.3-4B"]);
    expect(targets("5.13-1")).toEqual(["5.13-1A", "5.13-1B"]);
    expect(targets("5.1-1")).toEqual(["5.1-1"]);
  });

  it("maps every QCVN 135 requirement to a QCVN 11 clause", () => {
    const set = data.mappingSets.find((s) => s.id === "qcvn-135-2024--qcvn-11-2026-provisional-1")!;
    for (const requirement of q135.clauses) {
      expect(set.mappings.some((m) => m.source === requirement.code && m.relation === "equal")).toBe(true);
    }
  });
});
