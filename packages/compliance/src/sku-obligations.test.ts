import { describe, expect, it } from "vitest";
import { classifyProduct, resolveRiskClass } from "./risk-classification";
import { deriveSkuObligations } from "./sku-obligations";
import type { SkuObligation, SkuObligationsInput } from "./sku-obligation-types";
import { amendedRules, publishedRules, unpublishedRules } from "./testing/risk-list-rules";
import { BEFORE_EFFECTIVE, declared, fw, skuInput, TODAY, withMedium } from "./testing/sku-obligation-inputs";

// The published test list takes effect on 2027-01-01; medium: grace 180 days, re-declare within 30.

const LIST_SOURCE = { kind: "risk_list", listId: "risk-list-rev-1", label: "Circular 125/2026/TT-BCA (revision 1)", citation: "Circular 125/2026/TT-BCA (test)" };
const TIMELINE_SOURCE = { kind: "timeline", eventKey: "mps-camera-risk-list" };

type Expected = Partial<Omit<SkuObligation, "source" | "reasons">> & { reasons?: unknown[]; source?: unknown };
interface Case {
  name: string;
  input: SkuObligationsInput;
  expected: Expected[];
}

const CASES: Case[] = [
  // No list in force
  {
    name: "list not published: one declaration, required unknown, tbd, cited from the timeline",
    input: skuInput({ list: unpublishedRules(), riskClass: "unclassified" }),
    expected: [
      {
        key: "declaration",
        kind: "declaration",
        required: "unknown",
        dueDate: null,
        dueRule: "list_unpublished",
        state: "tbd",
        daysLeft: null,
        metBy: null,
        firmwareVersionId: null,
        reasons: [{ code: "list_unpublished" }],
        source: TIMELINE_SOURCE,
      },
    ],
  },
  {
    name: "no list known (null): the same",
    input: skuInput({ list: null, riskClass: "unclassified", market: { status: "planned", onMarketSince: null, plannedLaunchOn: "2027-03-01" } }),
    expected: [{ key: "declaration", required: "unknown", dueRule: "list_unpublished", state: "tbd", source: TIMELINE_SOURCE }],
  },
  {
    name: "list not published but a declaration was filed: shown met",
    input: skuInput({ list: unpublishedRules(), declarations: [declared("d-2", "2026-10-02"), declared("d-1", "2026-10-01")] }),
    expected: [{ key: "declaration", state: "met", metBy: "d-1", dueDate: null, daysLeft: null }],
  },
  {
    name: "a superseded list is not in force",
    input: skuInput({ list: { ...publishedRules(), status: "superseded" } }),
    expected: [{ key: "declaration", dueRule: "list_unpublished", state: "tbd", source: TIMELINE_SOURCE }],
  },
  {
    name: "list not published, SKU withdrawn: nothing",
    input: skuInput({ list: unpublishedRules(), market: { status: "withdrawn", withdrawnOn: "2026-12-01" } }),
    expected: [],
  },

  // Published list: timing
  {
    name: "medium, on the market before the effective date: due effective date + 180 days of grace",
    input: skuInput(),
    expected: [
      {
        key: "declaration",
        required: "yes",
        dueDate: "2027-06-30",
        dueRule: "effective_plus_grace",
        state: "upcoming",
        daysLeft: 149,
        metBy: null,
        reasons: [{ code: "on_market_before_effective", since: BEFORE_EFFECTIVE, effectiveDate: "2027-01-01", graceDays: 180 }],
        source: LIST_SOURCE,
      },
    ],
  },
  {
    name: "on the market since an unknown date counts as before the effective date",
    input: skuInput({ market: { onMarketSince: null } }),
    expected: [{ dueDate: "2027-06-30", dueRule: "effective_plus_grace", reasons: [{ code: "on_market_before_effective", since: null, effectiveDate: "2027-01-01", graceDays: 180 }] }],
  },
  {
    name: "grace period unknown: tbd",
    input: skuInput({ list: withMedium({ gracePeriodDays: null }) }),
    expected: [{ dueDate: null, dueRule: "effective_plus_grace", state: "tbd", daysLeft: null, reasons: [expect.objectContaining({ code: "on_market_before_effective" }), { code: "grace_unknown" }] }],
  },
  {
    name: "effective date TBD: tbd, the rule cannot be told",
    input: skuInput({ list: { ...publishedRules(), effectiveDate: null } }),
    expected: [{ dueDate: null, dueRule: "unknown_fact", state: "tbd", reasons: [{ code: "effective_date_unknown" }] }],
  },
  {
    name: "planned with a launch date: due before the market, due soon (28 days)",
    input: skuInput({ market: { status: "planned", onMarketSince: null, plannedLaunchOn: "2027-03-01" } }),
    expected: [{ dueDate: "2027-03-01", dueRule: "before_market", state: "due_soon", daysLeft: 28, reasons: [] }],
  },
  {
    name: "planned without a launch date: tbd",
    input: skuInput({ market: { status: "planned", onMarketSince: null, plannedLaunchOn: null } }),
    expected: [{ dueDate: null, dueRule: "before_market", state: "tbd", reasons: [{ code: "launch_date_unknown" }] }],
  },
  {
    name: "planned launch before the effective date: due on the effective date",
    input: skuInput({ today: "2026-12-01", market: { status: "planned", onMarketSince: null, plannedLaunchOn: "2026-12-15" } }),
    expected: [
      {
        dueDate: "2027-01-01",
        dueRule: "before_market",
        state: "upcoming",
        daysLeft: 31,
        reasons: [{ code: "launch_before_effective", plannedLaunchOn: "2026-12-15", effectiveDate: "2027-01-01" }],
      },
    ],
  },
  {
    name: "planned, effective date TBD: tbd (launch or effective date, whichever is later)",
    input: skuInput({ list: { ...publishedRules(), effectiveDate: null }, market: { status: "planned", onMarketSince: null, plannedLaunchOn: "2027-03-01" } }),
    expected: [{ dueDate: null, dueRule: "before_market", state: "tbd", reasons: [{ code: "effective_date_unknown" }] }],
  },
  {
    name: "placed on the market after the effective date without a declaration: overdue since market entry",
    input: skuInput({ market: { onMarketSince: "2027-01-10" } }),
    expected: [
      {
        dueDate: "2027-01-10",
        dueRule: "on_market_entry",
        state: "overdue",
        daysLeft: -22,
        reasons: [{ code: "on_market_after_effective", since: "2027-01-10", effectiveDate: "2027-01-01" }],
      },
    ],
  },
  {
    name: "placed on the market on the effective date itself: no grace",
    input: skuInput({ market: { onMarketSince: "2027-01-01" } }),
    expected: [{ dueDate: "2027-01-01", dueRule: "on_market_entry", state: "overdue", daysLeft: -31 }],
  },

  // Classes
  {
    name: "low: declaration not required, nothing else",
    input: skuInput({ riskClass: "low", declarations: [declared("d-1", "2027-01-05")], firmware: [fw("fw-1", "2026-06-01"), fw("fw-2", "2027-01-20")] }),
    expected: [
      {
        key: "declaration",
        required: "no",
        dueDate: null,
        dueRule: "not_required",
        state: "not_required",
        daysLeft: null,
        metBy: null,
        reasons: [{ code: "declaration_not_required", riskClass: "low" }],
      },
    ],
  },
  {
    name: "unclassified under a published list: tbd, not classified",
    input: skuInput({ riskClass: "unclassified" }),
    expected: [{ key: "declaration", required: "unknown", dueDate: null, dueRule: "unknown_fact", state: "tbd", reasons: [{ code: "not_classified" }], source: LIST_SOURCE }],
  },
  {
    name: "high: declaration and certification, both due effective date + 90 days",
    input: skuInput({ riskClass: "high" }),
    expected: [
      { key: "declaration", required: "yes", dueDate: "2027-04-01", state: "upcoming", daysLeft: 59 },
      { key: "certification", kind: "certification", required: "yes", dueDate: "2027-04-01", dueRule: "effective_plus_grace", state: "upcoming", metBy: null, reasons: [expect.objectContaining({ code: "on_market_before_effective", graceDays: 90 })] },
    ],
  },
  {
    name: "certification met by a declaration through a certification body",
    input: skuInput({ riskClass: "high", declarations: [declared("self", "2027-01-05"), declared("cert", "2027-01-20", { route: "certification" })] }),
    expected: [
      { key: "declaration", state: "met", metBy: "self" },
      { key: "certification", state: "met", metBy: "cert", daysLeft: 59 },
    ],
  },
  {
    name: "declaration requirement unknown: required unknown, dated all the same",
    input: skuInput({ list: withMedium({ declarationRequired: "unknown", certificationRequired: "unknown" }) }),
    expected: [
      { key: "declaration", required: "unknown", dueDate: "2027-06-30", state: "upcoming", reasons: [expect.objectContaining({ code: "on_market_before_effective" }), { code: "declaration_requirement_unknown" }] },
      { key: "certification", required: "unknown", dueDate: "2027-06-30", reasons: [expect.objectContaining({ code: "on_market_before_effective" }), { code: "certification_requirement_unknown" }] },
    ],
  },
  {
    name: "a class on the list without obligations: every fact unknown",
    input: skuInput({ list: { ...publishedRules(), obligations: {} } }),
    expected: [
      { key: "declaration", required: "unknown", dueDate: null, state: "tbd", reasons: [expect.anything(), { code: "grace_unknown" }, { code: "declaration_requirement_unknown" }] },
      { key: "certification", required: "unknown", dueDate: null, state: "tbd" },
    ],
  },
  {
    name: "amended after a declaration (medium -> high): the declaration stays met, certification is newly open",
    input: skuInput({ list: amendedRules(), riskClass: "high", declarations: [declared("d-1", "2026-12-20")] }),
    expected: [
      { key: "declaration", state: "met", metBy: "d-1", dueDate: "2027-04-01", source: { ...LIST_SOURCE, listId: "risk-list-rev-2", label: "Circular 125/2026/TT-BCA (revision 2)" } },
      { key: "certification", state: "upcoming", metBy: null, dueDate: "2027-04-01" },
    ],
  },

  // Declarations that do and do not count
  {
    name: "a withdrawn declaration does not meet",
    input: skuInput({ declarations: [declared("d-1", "2027-01-05", { status: "withdrawn" })] }),
    expected: [{ key: "declaration", state: "upcoming", metBy: null }],
  },
  {
    name: "any other status meets, the earliest one is metBy",
    input: skuInput({
      declarations: [declared("d-3", "2027-01-07", { status: "acknowledged" }), declared("d-2", "2027-01-06", { status: "returned_for_correction" }), declared("d-1", "2027-01-05", { status: "withdrawn" })],
    }),
    expected: [{ key: "declaration", state: "met", metBy: "d-2", daysLeft: 149 }],
  },

  // Withdrawn SKUs
  {
    name: "withdrawn before the due date: nothing",
    input: skuInput({ market: { status: "withdrawn", withdrawnOn: "2027-03-01" } }),
    expected: [],
  },
  {
    name: "withdrawn before the effective date: nothing",
    input: skuInput({ market: { status: "withdrawn", withdrawnOn: "2026-12-01" } }),
    expected: [],
  },
  {
    name: "withdrawn on the due date: nothing (still on time)",
    input: skuInput({ market: { status: "withdrawn", onMarketSince: "2027-01-10", withdrawnOn: "2027-01-10" } }),
    expected: [],
  },
  {
    name: "withdrawn after the due date without a declaration: stays overdue",
    input: skuInput({ riskClass: "high", market: { status: "withdrawn", onMarketSince: "2027-01-10", withdrawnOn: "2027-01-20" } }),
    expected: [
      { key: "declaration", dueDate: "2027-01-10", state: "overdue", daysLeft: -22, reasons: [expect.objectContaining({ code: "on_market_after_effective" }), { code: "withdrawn_on", date: "2027-01-20" }] },
      { key: "certification", state: "overdue", reasons: [expect.anything(), { code: "withdrawn_on", date: "2027-01-20" }] },
    ],
  },
  {
    name: "withdrawn after the due date but declared: nothing left",
    input: skuInput({ market: { status: "withdrawn", onMarketSince: "2027-01-10", withdrawnOn: "2027-01-20" }, declarations: [declared("d-1", "2027-01-15")] }),
    expected: [],
  },
  {
    name: "withdrawn on an unknown date: nothing",
    input: skuInput({ market: { status: "withdrawn", onMarketSince: "2027-01-10", withdrawnOn: null } }),
    expected: [],
  },

  // Firmware changes
  {
    name: "new firmware after the declaration: re-declare within 30 days of its release",
    input: skuInput({ declarations: [declared("d-1", "2027-01-05", { firmwareVersionId: "fw-1" })], firmware: [fw("fw-1", "2026-06-01"), fw("fw-2", "2027-01-20")] }),
    expected: [
      { key: "declaration", state: "met", metBy: "d-1" },
      {
        key: "redeclaration:fw-2",
        kind: "redeclaration",
        required: "yes",
        dueDate: "2027-02-19",
        dueRule: "firmware_plus_days",
        state: "due_soon",
        daysLeft: 18,
        metBy: null,
        firmwareVersionId: "fw-2",
        reasons: [{ code: "firmware_released", version: "v-fw-2", releaseDate: "2027-01-20", declarationFiledOn: "2027-01-05" }],
        source: LIST_SOURCE,
      },
    ],
  },
  {
    name: "a later declaration (any firmware) filed on/after the release meets the re-declaration",
    input: skuInput({ declarations: [declared("d-1", "2027-01-05"), declared("d-2", "2027-01-25")], firmware: [fw("fw-1", "2026-06-01"), fw("fw-2", "2027-01-20")] }),
    expected: [{ key: "declaration", metBy: "d-1" }, { key: "redeclaration:fw-2", state: "met", metBy: "d-2", daysLeft: 18 }],
  },
  {
    name: "a declaration naming the new firmware meets it even if filed before the release",
    input: skuInput({ declarations: [declared("d-1", "2027-01-05"), declared("d-2", "2027-01-10", { firmwareVersionId: "fw-2" })], firmware: [fw("fw-2", "2027-01-20")] }),
    expected: [{ key: "declaration" }, { key: "redeclaration:fw-2", state: "met", metBy: "d-2" }],
  },
  {
    name: "firmware released on or before the declaration's day is covered by it",
    input: skuInput({ declarations: [declared("d-1", "2027-01-05")], firmware: [fw("fw-1", "2026-06-01"), fw("fw-2", "2027-01-05")] }),
    expected: [{ key: "declaration", state: "met" }],
  },
  {
    name: "re-declaration requirement and delay unknown (high): required unknown, tbd",
    input: skuInput({ riskClass: "high", declarations: [declared("d-1", "2027-01-05", { route: "certification" })], firmware: [fw("fw-2", "2027-01-20")] }),
    expected: [
      { key: "declaration", state: "met" },
      { key: "certification", state: "met" },
      {
        key: "redeclaration:fw-2",
        required: "unknown",
        dueDate: null,
        state: "tbd",
        reasons: [expect.objectContaining({ code: "firmware_released" }), { code: "redeclare_days_unknown" }, { code: "redeclaration_requirement_unknown" }],
      },
    ],
  },
  {
    name: "no re-declaration when the list says no",
    input: skuInput({ list: withMedium({ redeclareOnNewFirmware: "no" }), declarations: [declared("d-1", "2027-01-05")], firmware: [fw("fw-2", "2027-01-20")] }),
    expected: [{ key: "declaration", state: "met" }],
  },
  {
    name: "firmware with an unknown release date: tbd, listed last; the declared firmware is not new",
    input: skuInput({
      declarations: [declared("d-1", "2027-01-05", { firmwareVersionId: "fw-0" })],
      firmware: [fw("fw-9", null), fw("fw-0", null), fw("fw-3", "2027-01-25"), fw("fw-2", "2027-01-25"), fw("fw-1", "2027-01-10")],
    }),
    expected: [
      { key: "declaration" },
      { key: "redeclaration:fw-1", dueDate: "2027-02-09", state: "due_soon", daysLeft: 8 },
      { key: "redeclaration:fw-2", dueDate: "2027-02-24" },
      { key: "redeclaration:fw-3", dueDate: "2027-02-24" },
      { key: "redeclaration:fw-9", dueDate: null, state: "tbd", reasons: [{ code: "release_date_unknown", version: "v-fw-9" }] },
    ],
  },
  {
    name: "re-declaration overdue",
    input: skuInput({ today: "2027-03-01", declarations: [declared("d-1", "2027-01-05")], firmware: [fw("fw-2", "2027-01-20")] }),
    expected: [{ key: "declaration" }, { key: "redeclaration:fw-2", dueDate: "2027-02-19", state: "overdue", daysLeft: -10 }],
  },
  {
    name: "no re-declaration before anything was declared: the declaration covers it",
    input: skuInput({ firmware: [fw("fw-1", "2026-06-01"), fw("fw-2", "2027-01-20")] }),
    expected: [{ key: "declaration", state: "upcoming", metBy: null }],
  },

  // State boundaries (placed on the market after the effective date: due on market entry)
  ...(
    [
      ["2027-03-02", 31, "upcoming"],
      ["2027-03-01", 30, "due_soon"],
      ["2027-01-30", 0, "due_soon"],
      ["2027-01-29", -1, "overdue"],
    ] as const
  ).map(
    ([since, daysLeft, state]): Case => ({
      name: `due ${daysLeft} days from today: ${state}`,
      input: skuInput({ today: "2027-01-30", market: { onMarketSince: since } }),
      expected: [{ dueDate: since, daysLeft, state }],
    }),
  ),
];

describe("deriveSkuObligations: cases", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(deriveSkuObligations(c.input)).toMatchObject(c.expected);
  });
});

describe("deriveSkuObligations: around the rules", () => {
  it("a class set by hand over the list: flagged as a conflict, the manual class is used", () => {
    const list = publishedRules();
    const riskClass = resolveRiskClass({ listMatch: classifyProduct({ hsCode: "8525.89.10", category: null }, list), manual: "high" });
    expect(riskClass).toMatchObject({ riskClass: "high", origin: "manual", listRiskClass: "medium", conflict: true });
    const obligations = deriveSkuObligations(skuInput({ list, riskClass }));
    expect(obligations.map((o) => [o.key, o.dueDate])).toEqual([
      ["declaration", "2027-04-01"],
      ["certification", "2027-04-01"],
    ]);
  });

  it("from a product to its obligations through the list: a baby monitor needs no declaration", () => {
    const list = publishedRules();
    const riskClass = resolveRiskClass({ listMatch: classifyProduct({ hsCode: "8471.30", category: "Baby-Monitor" }, list), manual: null });
    expect(deriveSkuObligations(skuInput({ list, riskClass })).map((o) => o.state)).toEqual(["not_required"]);
  });

  it("refuses a malformed date anywhere in the input", () => {
    expect(() => deriveSkuObligations(skuInput({ today: "2027-02-30" }))).toThrow(/Invalid ISO date/);
    expect(() => deriveSkuObligations(skuInput({ declarations: [declared("d-1", "05/01/2027")] }))).toThrow(/Invalid ISO date/);
    expect(() => deriveSkuObligations(skuInput({ market: { status: "on_market", plannedLaunchOn: "soon" } }))).toThrow(/Invalid ISO date/);
    expect(() => deriveSkuObligations(skuInput({ firmware: [fw("fw-1", "2027-1-1")] }))).toThrow(/Invalid ISO date/);
  });

  it("does not change its input", () => {
    const input = skuInput({ declarations: [declared("b", "2027-01-06"), declared("a", "2027-01-05")], firmware: [fw("z", "2027-01-20"), fw("y", "2027-01-10")] });
    const copy = structuredClone(input);
    deriveSkuObligations(input);
    expect(input).toEqual(copy);
  });
});
