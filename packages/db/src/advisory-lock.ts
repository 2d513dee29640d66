import { Prisma } from "./generated/prisma/client";

// Transaction-scoped lock on an arbitrary key: serialises writers that must see each other's
// result (revision numbers, audit sequence numbers). Released at commit or rollback.
export async function advisoryXactLock(tx: { $executeRaw: (query: Prisma.Sql) => Promise<number> }, key: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}
