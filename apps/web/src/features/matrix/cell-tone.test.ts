import { describe, expect, it } from "vitest";
import { cellTone } from "./cell-tone";

const counts = (values: Partial<Record<"not_started" | "in_progress" | "covered" | "partial" | "gap" | "not_applicable", number>>) => ({
  not_started: 0,
  in_progress: 0,
  covered: 0,
  partial: 0,
  gap: 0,
  not_applicable: 0,
  ...values,
});

describe("cellTone", () => {
  it("is red as soon as one clause is a gap, whatever else is settled", () => {
    expect(cellTone(counts({ gap: 1 }))).toBe("gap");
    expect(cellTone(counts({ gap: 1, partial: 2, covered: 5, not_applicable: 1 }))).toBe("gap");
  });

  it("is amber for a partial clause without gaps", () => {
    expect(cellTone(counts({ partial: 1, covered: 3 }))).toBe("partial");
    expect(cellTone(counts({ partial: 1, not_started: 4 }))).toBe("partial");
  });

  it("is green when every clause is covered or not applicable", () => {
    expect(cellTone(counts({ covered: 5 }))).toBe("complete");
    expect(cellTone(counts({ not_applicable: 2 }))).toBe("complete");
    expect(cellTone(counts({ covered: 3, not_applicable: 2 }))).toBe("complete");
  });

  it("is blue while work is under way but not settled", () => {
    expect(cellTone(counts({ covered: 3, not_started: 2 }))).toBe("active");
    expect(cellTone(counts({ in_progress: 1, not_started: 4 }))).toBe("active");
    expect(cellTone(counts({ covered: 1, in_progress: 1, not_applicable: 1 }))).toBe("active");
  });

  it("is grey when nothing has started, even with some clauses not applicable", () => {
    expect(cellTone(counts({ not_started: 5 }))).toBe("idle");
    expect(cellTone(counts({ not_started: 2, not_applicable: 3 }))).toBe("idle");
  });

  it("never calls an empty group complete", () => {
    expect(cellTone(counts({}))).toBe("idle");
  });

  it("ignores the needs-review count (it is a separate marker)", () => {
    const reviewed = { ...counts({ covered: 2 }), needsReview: 2 };
    expect(cellTone(reviewed)).toBe("complete");
  });
});
