import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysUntilExpiry } from "./expiry-reminders";
import type { EffectiveRiskClass, RiskListRules } from "./risk-classification";
import { deriveSkuObligations } from "./sku-obligations";
import type { ObligationInputDeclaration, SkuObligationsInput } from "./sku-obligation-types";
import { amendedRules, publishedRules, unpublishedRules } from "./testing/risk-list-rules";
import { resolved, withMedium } from "./testing/sku-obligation-inputs";

const FC_PARAMS = { seed: 20261123, numRuns: 400 } as const;

// Dates around the test list's effective date (2027-01-01), so every branch is reached.
const dateArb = fc.integer({ min: 0, max: 400 }).map((offset) => addDays("2026-09-01", offset));
const FIRMWARE_IDS = ["fw-a", "fw-b", "fw-c", "fw-d", "fw-e"];

const LISTS: (RiskListRules | null)[] = [
  null,
  unpublishedRules(),
  publishedRules(),
  amendedRules(),
  { ...publishedRules(), effectiveDate: null },
  withMedium({ gracePeriodDays: null, redeclareWithinDays: null }),
  withMedium({ declarationRequired: "unknown", certificationRequired: "yes", redeclareOnNewFirmware: "unknown" }),
];

const declarationArb: fc.Arbitrary<Omit<ObligationInputDeclaration, "id">> = fc.record({
  filedOn: dateArb,
  firmwareVersionId: fc.option(fc.constantFrom(...FIRMWARE_IDS), { nil: null }),
  route: fc.constantFrom("self_assessment" as const, "certification" as const),
  status: fc.constantFrom("submitted" as const, "acknowledged" as const, "returned_for_correction" as const, "withdrawn" as const),
});

const inputArb: fc.Arbitrary<SkuObligationsInput> = fc.record({
  today: dateArb,
  list: fc.constantFrom(...LISTS),
  riskClass: fc.constantFrom<EffectiveRiskClass>("unclassified", "low", "medium", "high").map(resolved),
  market: fc.record({
    status: fc.constantFrom("planned" as const, "on_market" as const, "withdrawn" as const),
    onMarketSince: fc.option(dateArb, { nil: null }),
    plannedLaunchOn: fc.option(dateArb, { nil: null }),
    withdrawnOn: fc.option(dateArb, { nil: null }),
  }),
  firmware: fc
    .subarray(FIRMWARE_IDS)
    .chain((ids) => fc.tuple(...ids.map((id) => fc.option(dateArb, { nil: null }).map((releaseDate) => ({ id, version: `v-${id}`, releaseDate }))))),
  declarations: fc.array(declarationArb, { maxLength: 4 }).map((list) => list.map((d, i) => ({ ...d, id: `d-${i}` }))),
});

const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe("deriveSkuObligations: properties (fast-check)", () => {
  it("is deterministic and does not depend on the order of firmware and declarations", () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) => fc.tuple(fc.constant(input), shuffled(input.firmware), shuffled(input.declarations))),
        ([input, firmware, declarations]) => {
          const expected = deriveSkuObligations(input);
          expect(deriveSkuObligations(structuredClone(input))).toEqual(expected);
          expect(deriveSkuObligations({ ...input, firmware, declarations })).toEqual(expected);
        },
      ),
      FC_PARAMS,
    );
  });

  it("adding a declaration that is not withdrawn never turns a met obligation unmet", () => {
    const extraArb = declarationArb.filter((d) => d.status !== "withdrawn").map((d) => ({ ...d, id: "d-new" }));
    fc.assert(
      fc.property(inputArb, extraArb, (input, extra) => {
        const before = deriveSkuObligations(input);
        const after = deriveSkuObligations({ ...input, declarations: [...input.declarations, extra] });
        for (const obligation of before.filter((o) => o.state === "met")) {
          const now = after.find((o) => o.key === obligation.key);
          // It can only vanish as the re-declaration of the firmware a new, earlier declaration names.
          if (now === undefined) expect([obligation.kind, obligation.firmwareVersionId]).toEqual(["redeclaration", extra.firmwareVersionId]);
          else expect(now.state, obligation.key).toBe("met");
        }
      }),
      FC_PARAMS,
    );
  });

  it("daysLeft is dueDate - today whenever dated, null otherwise; keys are unique and in order", () => {
    const rank = { declaration: 0, certification: 1, redeclaration: 2 } as const;
    fc.assert(
      fc.property(inputArb, (input) => {
        const obligations = deriveSkuObligations(input);
        for (const o of obligations) {
          expect(o.daysLeft).toBe(o.dueDate === null ? null : daysUntilExpiry(o.dueDate, input.today));
          if (o.state === "met") expect(o.metBy).not.toBeNull();
          if (o.state === "tbd") expect(o.dueDate).toBeNull();
        }
        expect(new Set(obligations.map((o) => o.key)).size).toBe(obligations.length);
        const ranks = obligations.map((o) => rank[o.kind]);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        if (input.market.status !== "withdrawn") expect(obligations[0]?.key).toBe("declaration");
        else for (const o of obligations) expect(o.state).toBe("overdue");
      }),
      FC_PARAMS,
    );
  });
});
