import { Prisma } from "@hopquy/db";
import { AppError } from "./errors";

// A `.catch` handler: a unique-constraint violation becomes an expected CONFLICT with a reason the
// UI can translate; any other error passes through unchanged.
export function conflictOnUniqueViolation(reason: string, message: string) {
  return (error: unknown): never => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", message, { reason });
    }
    throw error;
  };
}
