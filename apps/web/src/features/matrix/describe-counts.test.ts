import { describe, expect, it } from "vitest";
import { createTranslator } from "../../i18n/translate";
import { describeCounts } from "./describe-counts";

const counts = { not_started: 2, in_progress: 0, covered: 3, partial: 0, gap: 1, not_applicable: 0, needsReview: 0 };

describe("describeCounts", () => {
  it("lists the non-zero states in a fixed order", () => {
    expect(describeCounts(createTranslator("en"), "HQ11-G01", counts)).toBe("HQ11-G01: 3 covered, 1 gap, 2 not started");
    expect(describeCounts(createTranslator("vi"), "HQ11-G01", counts)).toBe("HQ11-G01: Đạt: 3, Chưa đạt: 1, Chưa bắt đầu: 2");
  });

  it("mentions clauses that need re-verification", () => {
    expect(describeCounts(createTranslator("en"), "HQ11-G04", { ...counts, needsReview: 1 })).toBe(
      "HQ11-G04: 3 covered, 1 gap, 2 not started, 1 needs re-verification",
    );
  });

  it("says so when a group has no clause", () => {
    const none = { not_started: 0, in_progress: 0, covered: 0, partial: 0, gap: 0, not_applicable: 0, needsReview: 0 };
    expect(describeCounts(createTranslator("en"), "HQ11-G09", none)).toBe("HQ11-G09: no clauses");
  });
});
