import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentKey, sha256OfKey } from "./content-key";

const hex = createHash("sha256").update("hello").digest("hex");

describe("content keys", () => {
  it("fans out by the first two bytes of the hash", () => {
    expect(contentKey(hex)).toBe(`sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`);
    expect(sha256OfKey(contentKey(hex))).toBe(hex);
  });

  it("refuses anything but a lowercase hex sha256", () => {
    expect(() => contentKey(hex.toUpperCase())).toThrow(TypeError);
    expect(() => contentKey("abc")).toThrow(TypeError);
  });

  it.each([
    "",
    hex,
    `sha256/00/00/${hex}`,
    `sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex.toUpperCase()}`,
    `sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}/`,
    `/sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`,
    `sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/../../../../etc/passwd`,
    "../../etc/passwd",
    `tmp/${hex}`,
  ])("does not accept %j as a key", (key) => {
    expect(sha256OfKey(key)).toBeUndefined();
  });
});
