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

export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}
