// The one owner of the Prisma client. Nothing outside packages/db imports this file:
// application code gets `tenantDb(organizationId)` or `platformDb` from "@hopquy/db".
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { readDbEnv } from "./env";

export function createRawClient(connectionString: string) {
  // Query events are emitted only to listeners (countDatabaseQueries in tests); none in production.
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => {
    for (const listener of queryListeners) listener();
  });
  return client;
}

const queryListeners = new Set<() => void>();

// Counts the SQL statements the process sends while `work` runs: the matrix and re-mapping tests
// use it to prove a constant number of queries whatever the data size.
export async function countDatabaseQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const listener = () => {
    queries += 1;
  };
  queryListeners.add(listener);
  try {
    const result = await work();
    return { result, queries };
  } finally {
    queryListeners.delete(listener);
  }
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
