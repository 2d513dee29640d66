import { Prisma } from "@hopquy/db";
import { AppError } from "./errors";

// By name as well as instanceof: the one Prisma client of a process (globalThis) may have been
// created by another Next layer's copy of the generated client, whose error classes differ.
export const isKnownRequestError = (error: unknown): error is { code: string; meta?: Record<string, unknown> } =>
  error instanceof Prisma.PrismaClientKnownRequestError || (error instanceof Error && error.name === "PrismaClientKnownRequestError" && typeof (error as { code?: unknown }).code === "string");

// A `.catch` handler: a unique-constraint violation becomes an expected CONFLICT with a reason the
// UI can translate; any other error passes through unchanged.
export function conflictOnUniqueViolation(reason: string, message: string) {
  return (error: unknown): never => {
    if (isKnownRequestError(error) && error.code === "P2002") {
      throw new AppError("CONFLICT", message, { reason });
    }
    throw error;
  };
}
