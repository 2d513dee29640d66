// Direct SQL for tests that must act like an attacker with database access (e.g. tampering).
import { getRawClient } from "../raw-client";

export async function executeRawSqlForTest(sql: string): Promise<void> {
  await getRawClient().$executeRawUnsafe(sql);
}
