import { describe, expect, it } from "vitest";
import { createTranslator } from "../../i18n/translate";
import { describeChange, describeReason } from "./describe-change";

const en = createTranslator("en");
const vi = createTranslator("vi");

describe("describeReason", () => {
  it("shows short values as before → after, relations in the reader's words", () => {
    expect(describeReason(en, { field: "relation", before: "equal", after: "intersect" })).toBe("relation equal → intersect");
    expect(describeReason(vi, { field: "relation", before: "equal", after: "intersect" })).toBe("quan hệ: tương đương → giao nhau");
    expect(describeReason(en, { field: "strength", before: "8", after: "5" })).toBe("strength 8 → 5");
  });

  it("says a text changed without quoting it, and marks a missing side with a dash", () => {
    expect(describeReason(en, { field: "title" })).toBe("title changed");
    expect(describeReason(vi, { field: "title" })).toBe("tiêu đề thay đổi");
    expect(describeReason(en, { field: "conditions", after: "3" })).toBe("conditions — → 3");
  });

  it("translates booleans and condition text changes", () => {
    expect(describeReason(en, { field: "provisional", before: "true", after: "false" })).toBe("provisional yes → no");
    expect(describeReason(en, { field: "condition", after: "4" })).toBe("text of condition 4 changed");
  });

  it("keeps the name of a field it has no label for", () => {
    expect(describeReason(en, { field: "evaluationMethod", after: "lab" })).toBe("evaluationMethod — → lab");
  });
});

describe("describeChange", () => {
  it("names added and withdrawn items, and joins the reasons of a changed one", () => {
    expect(describeChange(en, { kind: "removed", reasons: [] }, "clause")).toBe("clause withdrawn");
    expect(describeChange(en, { kind: "added", reasons: [] }, "mapping")).toBe("new mapping");
    expect(describeChange(en, { kind: "changed", reasons: [{ field: "title" }, { field: "status", before: "M", after: "R" }] }, "clause")).toBe(
      "title changed; status M → R",
    );
  });
});
