import { describe, expect, it } from "vitest";
import { isStorageError, StorageError } from "./storage-error";

describe("isStorageError", () => {
  it("recognises the store's errors, also from another bundled copy of the class, by name and code", () => {
    expect(isStorageError(new StorageError("UNSUPPORTED_MEDIA_TYPE", "no"))).toBe(true);
    expect(isStorageError(new StorageError("EMPTY_FILE", "no"), "EMPTY_FILE")).toBe(true);
    expect(isStorageError(new StorageError("EMPTY_FILE", "no"), "NOT_FOUND")).toBe(false);
    // What a second copy of the module (another Next layer) throws: same shape, another class.
    class StorageErrorCopy extends Error {
      constructor(readonly code: string) {
        super("copy");
        this.name = "StorageError";
      }
    }
    expect(isStorageError(new StorageErrorCopy("UNSUPPORTED_MEDIA_TYPE"), "UNSUPPORTED_MEDIA_TYPE")).toBe(true);
    expect(isStorageError(Object.assign(new Error("x"), { code: "UNSUPPORTED_MEDIA_TYPE" }))).toBe(false);
    expect(isStorageError({ name: "StorageError", code: "EMPTY_FILE" })).toBe(false);
    expect(isStorageError(null)).toBe(false);
  });
});
