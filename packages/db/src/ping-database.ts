import { getRawClient } from "./raw-client";

// Health checks: a round trip to Postgres, in milliseconds.
export async function pingDatabase(): Promise<number> {
  const started = performance.now();
  await getRawClient().$queryRaw`SELECT 1`;
  return Math.round((performance.now() - started) * 100) / 100;
}
