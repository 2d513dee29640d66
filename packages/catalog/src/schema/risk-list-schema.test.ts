import { describe, expect, it } from "vitest";
import { parseRiskList } from "../parse/parse-risk-list";
import type { ParseError } from "../parse/parse-result";
import { AMENDED_RISK_LIST_YAML, PUBLISHED_RISK_LIST_YAML } from "../testing/risk-list-fixtures";
import { errorsOf, lineContaining } from "../testing/parse-assertions";

const brief = (errors: ParseError[]) => errors.map((e) => [e.line, e.path, e.message]);

const UNPUBLISHED = `kind: risk-list
id: test-list
version: "1"
title: { en: Test list }
provisional: true
sources:
  - id: notes
    citation: Hand-made
notes: []
status: not_published
publicationDate: TBD
effectiveDate: TBD
source: notes
entries: []
obligations: []
`;

describe("risk-list schema: valid files", () => {
  it("accepts the published fixture, reading yes / no as strings (YAML 1.2)", () => {
    const result = parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.entries.map((e) => [e.id, e.hsCodePrefix, e.category, e.riskClass])).toEqual([
      ["hs-8525-89", "8525.89", undefined, "medium"],
      ["hs-8525-81", "8525.81", undefined, "high"],
      ["baby-monitor", undefined, "baby-monitor", "low"],
    ]);
    expect(result.value.obligations).toEqual([
      { riskClass: "medium", declarationRequired: "yes", certificationRequired: "no", gracePeriodDays: 180, redeclareOnNewFirmware: "yes", redeclareWithinDays: 30 },
      { riskClass: "high", declarationRequired: "yes", certificationRequired: "yes", gracePeriodDays: 90, redeclareOnNewFirmware: "unknown", redeclareWithinDays: "unknown" },
      { riskClass: "low", declarationRequired: "no", certificationRequired: "no", gracePeriodDays: "unknown", redeclareOnNewFirmware: "no", redeclareWithinDays: "unknown" },
    ]);
    expect(result.value).toMatchObject({ status: "published", publicationDate: "2026-12-01", effectiveDate: "2027-01-01", instrument: { number: "125/2026/TT-BCA" } });
  });

  it("accepts the amended fixture: 8525.89 is high and the medium obligations are gone", () => {
    const result = parseRiskList(AMENDED_RISK_LIST_YAML, "yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.status).toBe("amended");
    expect(result.value.entries.find((e) => e.id === "hs-8525-89")?.riskClass).toBe("high");
    expect(result.value.obligations.map((o) => o.riskClass)).toEqual(["high", "low"]);
  });

  it("accepts an unpublished list with TBD dates, no instrument, entries or obligations", () => {
    expect(parseRiskList(UNPUBLISHED, "yaml")).toMatchObject({ ok: true, value: { status: "not_published", publicationDate: "TBD", entries: [] } });
  });

  it("accepts a published list whose dates are explicitly TBD, and a superseded list", () => {
    const tbd = PUBLISHED_RISK_LIST_YAML.replace("publicationDate: 2026-12-01", "publicationDate: TBD").replace("effectiveDate: 2027-01-01", "effectiveDate: TBD");
    expect(parseRiskList(tbd, "yaml").ok).toBe(true);
    expect(parseRiskList(PUBLISHED_RISK_LIST_YAML.replace("status: published", "status: superseded"), "yaml").ok).toBe(true);
  });

  it("accepts HS prefixes of 2 to 10 digits, with or without dots", () => {
    for (const code of ["85", "8525", "852589", "8525.89.10", "8525.89.10.00"]) {
      const text = PUBLISHED_RISK_LIST_YAML.replace('"8525.89"', `"${code}"`);
      expect(parseRiskList(text, "yaml").ok, code).toBe(true);
    }
  });
});

describe("risk-list schema: errors with their lines", () => {
  it("refuses yes / no written as booleans (JSON true), naming the line", () => {
    const list = JSON.parse(JSON.stringify((parseRiskList(PUBLISHED_RISK_LIST_YAML, "yaml") as { value: unknown }).value));
    list.obligations[0].declarationRequired = true;
    const text = JSON.stringify(list, null, 2);
    expect(brief(errorsOf(parseRiskList(text, "json")))).toEqual([
      [lineContaining(text, '"declarationRequired": true'), "obligations[0].declarationRequired", expect.stringContaining('"yes"')],
    ]);
  });

  it("refuses an unquoted HS code (YAML reads a number) and malformed or out-of-range codes", () => {
    const cases: [string, RegExp][] = [
      ["8525.89", /in quotes/],
      ['"8"', /2 to 10 digits/],
      ['"85258910001"', /2 to 10 digits/],
      ['"8525-89"', /digits and dots/],
      ['"8525..89"', /digits and dots/],
      ['" 8525.89"', /digits and dots/],
    ];
    for (const [code, message] of cases) {
      const text = PUBLISHED_RISK_LIST_YAML.replace('"8525.89"', code);
      expect(brief(errorsOf(parseRiskList(text, "yaml"))), code).toEqual([[lineContaining(text, `hsCodePrefix: ${code}`), "entries[0].hsCodePrefix", expect.stringMatching(message)]]);
    }
  });

  it("refuses a bad risk class, a bad tri-state and bad day counts", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("riskClass: medium\n    title", "riskClass: severe\n    title")
      .replace("certificationRequired: no\n    gracePeriodDays: 180", "certificationRequired: maybe\n    gracePeriodDays: -1")
      .replace("redeclareWithinDays: 30", "redeclareWithinDays: 7.5")
      .replace("gracePeriodDays: 90", "gracePeriodDays: soon");
    const errors = errorsOf(parseRiskList(text, "yaml"));
    expect(brief(errors)).toEqual([
      [lineContaining(text, "riskClass: severe"), "entries[0].riskClass", expect.any(String)],
      // With the only medium entry gone, its obligations apply to nothing.
      [lineContaining(text, "- riskClass: medium"), "obligations[0].riskClass", "obligations for medium but no entry has class medium"],
      [lineContaining(text, "certificationRequired: maybe"), "obligations[0].certificationRequired", expect.any(String)],
      [lineContaining(text, "gracePeriodDays: -1"), "obligations[0].gracePeriodDays", 'expected a whole number of days (0 or more) or "unknown"'],
      [lineContaining(text, "redeclareWithinDays: 7.5"), "obligations[0].redeclareWithinDays", 'expected a whole number of days (0 or more) or "unknown"'],
      [lineContaining(text, "gracePeriodDays: soon"), "obligations[1].gracePeriodDays", 'expected a whole number of days (0 or more) or "unknown"'],
    ]);
  });

  it("refuses duplicate entry ids and duplicate obligations for a class", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("id: hs-8525-81", "id: hs-8525-89").replace("  - riskClass: low\n    declarationRequired: no", "  - riskClass: high\n    declarationRequired: no");
    const errors = errorsOf(parseRiskList(text, "yaml"));
    expect(brief(errors)).toEqual([
      [lineContaining(text, "id: hs-8525-89", lineContaining(text, "title: { vi: Camera truyền")), "entries[1].id", 'entry id "hs-8525-89" is a duplicate (first at index 0)'],
      [lineContaining(text, "- riskClass: high", lineContaining(text, "gracePeriodDays: 90")), "obligations[2].riskClass", "obligations for high is a duplicate (first at index 1)"],
    ]);
  });

  it("refuses two entries for the same HS prefix (dots ignored) and category", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace('hsCodePrefix: "8525.81"', 'hsCodePrefix: "852589"');
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [lineContaining(text, 'hsCodePrefix: "852589"'), "entries[1].hsCodePrefix", "the entry for HS 852589 is a duplicate (first at index 0)"],
    ]);
    const sameCategory = PUBLISHED_RISK_LIST_YAML.replace('hsCodePrefix: "8525.81"', "category: baby-monitor");
    expect(brief(errorsOf(parseRiskList(sameCategory, "yaml")))).toEqual([
      [lineContaining(sameCategory, "category: baby-monitor", lineContaining(sameCategory, "id: baby-monitor")), "entries[2].category", 'the entry for category "baby-monitor" is a duplicate (first at index 1)'],
    ]);
  });

  it("allows the same HS prefix with different categories", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace('hsCodePrefix: "8525.81"', 'hsCodePrefix: "8525.89"\n    category: baby-monitor');
    expect(parseRiskList(text, "yaml").ok).toBe(true);
  });

  it("refuses an entry with neither an HS prefix nor a category", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("    category: baby-monitor\n", "");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [lineContaining(text, "- id: baby-monitor"), "entries[2]", "an entry needs an hsCodePrefix, a category or both"],
    ]);
  });

  it("refuses source slugs that are not among the header's sources", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("source: test-circular\nentries:", "source: gazette\nentries:")
      .replace("    riskClass: high\n    title: { vi: Camera tốc độ cao", "    riskClass: high\n    source: annex-a\n    title: { vi: Camera tốc độ cao")
      .replace("redeclareWithinDays: 30\n", "redeclareWithinDays: 30\n    source: annex-b\n");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [lineContaining(text, "source: gazette"), "source", 'unknown source "gazette" (not in the header\'s sources)'],
      [lineContaining(text, "source: annex-a"), "entries[1].source", 'unknown source "annex-a" (not in the header\'s sources)'],
      [lineContaining(text, "source: annex-b"), "obligations[0].source", 'unknown source "annex-b" (not in the header\'s sources)'],
    ]);
  });

  it("needs both dates written out, as ISO dates or TBD", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("publicationDate: 2026-12-01\n", "").replace("effectiveDate: 2027-01-01", "effectiveDate: 1 January 2027");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [1, "publicationDate", 'required: an ISO date (YYYY-MM-DD), or "TBD" while it is not known'],
      [lineContaining(text, "effectiveDate:"), "effectiveDate", 'expected an ISO date (YYYY-MM-DD) or "TBD"'],
    ]);
  });

  it("refuses an effective date before the publication date", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("effectiveDate: 2027-01-01", "effectiveDate: 2026-11-30");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [lineContaining(text, "effectiveDate:"), "effectiveDate", "effectiveDate 2026-11-30 is before publicationDate 2026-12-01"],
    ]);
    const sameDay = PUBLISHED_RISK_LIST_YAML.replace("effectiveDate: 2027-01-01", "effectiveDate: 2026-12-01");
    expect(parseRiskList(sameDay, "yaml").ok).toBe(true);
  });

  it("refuses entries in an unpublished list (and so any obligations)", () => {
    const text = UNPUBLISHED.replace(
      "entries: []\nobligations: []",
      'entries:\n  - id: guess\n    hsCodePrefix: "8525"\n    riskClass: high\nobligations:\n  - riskClass: high\n    declarationRequired: yes\n    certificationRequired: yes\n    gracePeriodDays: unknown\n    redeclareOnNewFirmware: unknown\n    redeclareWithinDays: unknown',
    );
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([[lineContaining(text, "entries:"), "entries", "a list that is not published has no entries"]]);
  });

  it("needs entries and an instrument once published or amended", () => {
    for (const status of ["published", "amended"]) {
      const text = UNPUBLISHED.replace("status: not_published", `status: ${status}`);
      expect(brief(errorsOf(parseRiskList(text, "yaml"))), status).toEqual([
        [lineContaining(text, "status:"), "status", `a list with status ${status} needs an instrument (the text that publishes it)`],
        [lineContaining(text, "entries:"), "entries", `a list with status ${status} needs at least one entry`],
      ]);
    }
  });

  it("refuses obligations for a class no entry has", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("category: baby-monitor\n    riskClass: low", "category: baby-monitor\n    riskClass: medium");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [lineContaining(text, "- riskClass: low"), "obligations[2].riskClass", "obligations for low but no entry has class low"],
    ]);
  });

  it("allows a class without obligations (every fact unknown)", () => {
    const text = PUBLISHED_RISK_LIST_YAML.slice(0, PUBLISHED_RISK_LIST_YAML.indexOf("  - riskClass: high\n    declarationRequired"))
      .concat(PUBLISHED_RISK_LIST_YAML.slice(PUBLISHED_RISK_LIST_YAML.indexOf("  - riskClass: low\n")));
    const result = parseRiskList(text, "yaml");
    expect(result.ok && result.value.obligations.map((o) => o.riskClass)).toEqual(["medium", "low"]);
  });

  it("refuses unknown keys and a wrong kind", () => {
    const text = PUBLISHED_RISK_LIST_YAML.replace("kind: risk-list", "kind: timeline").replace("    riskClass: high\n    title: { vi: Camera tốc", "    riskClass: high\n    tier: B\n    title: { vi: Camera tốc");
    expect(brief(errorsOf(parseRiskList(text, "yaml")))).toEqual([
      [1, "kind", expect.any(String)],
      [lineContaining(text, "tier: B"), "entries[1].tier", 'unknown key "tier"'],
    ]);
  });
});
