import { describe, expect, it } from "vitest";
import { manualClassColumns, manualClassOf, marketIssues, normalizeMarket } from "./sku-class-and-market";
import { DEFAULT_RISK_CLASS_REASONS } from "./sku-input";
import { formatRiskClassReason, parseMarketStatus, parseRiskClassOrigin, parseRiskClassReason } from "./sku-sheet-layout";

const facts = (overrides: Partial<Parameters<typeof normalizeMarket>[0]>) => ({ marketStatus: "on_market" as const, onMarketSince: null, plannedLaunchOn: null, withdrawnOn: null, ...overrides });
const brief = (issues: ReturnType<typeof marketIssues>) => issues.map((i) => [i.path.join("."), i.message]);

describe("market facts", () => {
  it("keep only the dates that mean something for the status", () => {
    expect(normalizeMarket(facts({ marketStatus: "planned", onMarketSince: "2026-01-01", plannedLaunchOn: "2027-03-01", withdrawnOn: "2026-02-01" }))).toEqual(facts({ marketStatus: "planned", plannedLaunchOn: "2027-03-01" }));
    expect(normalizeMarket(facts({ onMarketSince: "2026-01-01", plannedLaunchOn: "2027-03-01", withdrawnOn: "2026-02-01" }))).toEqual(facts({ onMarketSince: "2026-01-01" }));
    expect(normalizeMarket(facts({ marketStatus: "withdrawn", onMarketSince: "2026-01-01", withdrawnOn: "2026-02-01" }))).toEqual(facts({ marketStatus: "withdrawn", onMarketSince: "2026-01-01", withdrawnOn: "2026-02-01" }));
  });

  it("refuse future market dates, a withdrawal without its date or before the market entry", () => {
    const today = "2026-12-04";
    expect(brief(marketIssues(facts({ onMarketSince: "2026-12-04" }), today))).toEqual([]);
    expect(brief(marketIssues(facts({ onMarketSince: "2026-12-05" }), today))).toEqual([["onMarketSince", "date_in_future"]]);
    expect(brief(marketIssues(facts({ marketStatus: "withdrawn" }), today))).toEqual([["withdrawnOn", "withdrawn_date_required"]]);
    expect(brief(marketIssues(facts({ marketStatus: "withdrawn", withdrawnOn: "2027-01-01" }), today))).toEqual([["withdrawnOn", "date_in_future"]]);
    expect(brief(marketIssues(facts({ marketStatus: "withdrawn", onMarketSince: "2026-06-01", withdrawnOn: "2026-05-31" }), today))).toEqual([["withdrawnOn", "withdrawn_before_on_market"]]);
    // A planned launch may lie ahead.
    expect(brief(marketIssues(facts({ marketStatus: "planned", plannedLaunchOn: "2030-01-01" }), today))).toEqual([]);
  });
});

describe("the class set by hand", () => {
  it("is none for unclassified, and gets the source's default reason when none is given", () => {
    const now = new Date("2026-12-04T10:00:00Z");
    expect(manualClassOf("unclassified")).toBeNull();
    expect(manualClassColumns(null, "ignored", "create", { userEmail: "a@example.test" }, now)).toEqual({ riskClassManual: null, riskClassReason: null, riskClassSetByEmail: null, riskClassSetAt: null });
    expect(manualClassColumns("high", null, "import", { userEmail: "a@example.test" }, now)).toEqual({ riskClassManual: "high", riskClassReason: DEFAULT_RISK_CLASS_REASONS.import, riskClassSetByEmail: "a@example.test", riskClassSetAt: now });
    expect(manualClassColumns("low", "Lab advice", "update", { userEmail: "a@example.test" }, now).riskClassReason).toBe("Lab advice");
  });
});

describe("sheet cells of the class and market columns", () => {
  it("read origins and market statuses in English or Vietnamese", () => {
    expect(["list", "Theo danh mục", "MANUAL", "đặt thủ công", "none"].map(parseRiskClassOrigin)).toEqual(["list", "list", "manual", "manual", "none"]);
    expect(parseRiskClassOrigin(" ")).toBeUndefined();
    expect(parseRiskClassOrigin("maybe")).toBeNull();
    expect(["on_market", "on market", "Đang bán", "dự kiến", "Withdrawn"].map(parseMarketStatus)).toEqual(["on_market", "on_market", "on_market", "planned", "withdrawn"]);
    expect(parseMarketStatus("")).toBeUndefined();
    expect(parseMarketStatus("sold out")).toBe("sold out");
  });

  it("write default reasons as Vietnamese text and read them back as the codes", () => {
    for (const code of Object.values(DEFAULT_RISK_CLASS_REASONS)) expect(parseRiskClassReason(formatRiskClassReason(code))).toBe(code);
    expect(formatRiskClassReason("Lab advice")).toBe("Lab advice");
    expect(parseRiskClassReason("Lab advice")).toBe("Lab advice");
    expect(formatRiskClassReason(null)).toBe("");
  });
});
