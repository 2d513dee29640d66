// Expected failures carry a code the UI turns into a message; anything else is a bug to log.
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "VALIDATION"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  | "LOCKED"
  | "RATE_LIMITED"
  | "EXPIRED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (why: string) => new AppError("FORBIDDEN", why);
