import { describe, expect, it } from "vitest";
import { forEachOrganization } from "./for-each-organization";

describe("forEachOrganization", () => {
  it("runs every organization in order, reporting results and progress", async () => {
    const seen: string[] = [];
    const progress: [number, number][] = [];
    await forEachOrganization(["a", "b", "c"], async (id) => id.toUpperCase(), { what: "Test", onResult: (r) => seen.push(r), onProgress: (d, t) => void progress.push([d, t]) });
    expect(seen).toEqual(["A", "B", "C"]);
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it("goes on past a failing organization, then fails naming how many failed", async () => {
    const seen: string[] = [];
    const run = forEachOrganization(
      ["a", "b", "c", "d"],
      async (id) => {
        if (id === "b" || id === "d") throw new Error(`broken ${id}`);
        return id;
      },
      { what: "Test sweep", onResult: (r) => seen.push(r) },
    );
    await expect(run).rejects.toThrow("Test sweep failed for 2 of 4 organizations");
    expect(seen).toEqual(["a", "c"]);
  });
});
