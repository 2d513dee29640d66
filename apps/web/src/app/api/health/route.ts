import { pingDatabase } from "@hopquy/db";
import { pingRedis } from "@hopquy/jobs";
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness + dependencies, for load balancers and the README's smoke check. No tenant data.
export async function GET() {
  const checks: Record<string, string> = {};
  let healthy = true;
  try {
    checks.database = `ok (${await pingDatabase()} ms)`;
  } catch {
    checks.database = "unreachable";
    healthy = false;
  }
  try {
    checks.redis = (await pingRedis()) ? "ok" : "unexpected reply";
  } catch {
    checks.redis = "unreachable";
    healthy = false;
  }
  return NextResponse.json({ status: healthy ? "ok" : "degraded", checks }, { status: healthy ? 200 : 503 });
}
