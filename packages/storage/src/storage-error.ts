export type StorageErrorCode = "FILE_TOO_LARGE" | "EMPTY_FILE" | "UNSUPPORTED_MEDIA_TYPE" | "NOT_FOUND" | "INTEGRITY";

// Expected failures of the blob store; callers map the code to a user-facing message.
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "StorageError";
  }
}

// By name and code, not instanceof: Next bundles a package once per layer (pages, route handlers),
// and the one store of a process (globalThis) may come from another layer's copy of this class.
export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  const candidate = error as { name?: unknown; code?: unknown } | null;
  const branded = error instanceof StorageError || (error instanceof Error && candidate?.name === "StorageError" && typeof candidate.code === "string");
  return branded && (code === undefined || (error as StorageError).code === code);
}
