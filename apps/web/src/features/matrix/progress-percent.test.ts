import { describe, expect, it } from "vitest";
import { progressPercent } from "./progress-percent";

describe("progressPercent", () => {
  it("rounds down so that only a settled SKU shows 100 %", () => {
    expect(progressPercent(40 / 41)).toBe(97);
    expect(progressPercent(0.999)).toBe(99);
    expect(progressPercent(1)).toBe(100);
  });

  it("is not fooled by floating-point noise", () => {
    expect(progressPercent(0.29)).toBe(29);
    expect(progressPercent(29 / 100)).toBe(29);
  });

  it("clamps odd inputs", () => {
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(-1)).toBe(0);
    expect(progressPercent(Number.NaN)).toBe(0);
    expect(progressPercent(1.5)).toBe(100);
  });
});
