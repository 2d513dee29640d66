// The one owner of the Prisma client. Nothing outside packages/db imports this file:
// application code gets `tenantDb(organizationId)` or `platformDb` from "@hopquy/db".
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { readDbEnv } from "./env";

export function createRawClient(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

export type RawClient = ReturnType<typeof createRawClient>;

// One client per process; survives Next's dev-mode module reloads.
const globalForPrisma = globalThis as unknown as { __hopquyPrisma?: RawClient };

export function getRawClient(): RawClient {
  globalForPrisma.__hopquyPrisma ??= createRawClient(readDbEnv().DATABASE_URL);
  return globalForPrisma.__hopquyPrisma;
}

export async function disconnectRawClient(): Promise<void> {
  const client = globalForPrisma.__hopquyPrisma;
  globalForPrisma.__hopquyPrisma = undefined;
  await client?.$disconnect();
}
