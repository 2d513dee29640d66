import { hostname } from "node:os";
import { pingDatabase } from "@hopquy/db";

// Proves the whole path: web -> Redis -> worker -> Postgres -> result back through Redis.
export async function runHealthCheck(
  payload: { requestedAt: string; requestId: string },
  progress: (percent: number) => Promise<void>,
) {
  await progress(10);
  const databaseMs = await pingDatabase();
  await progress(100);
  return { requestId: payload.requestId, databaseMs, worker: hostname(), processedAt: new Date().toISOString() };
}
