// Route handlers for HTTP consumers: same chain as server actions, answered as JSON with status codes.
import { assertCan, resolveTenantContext, type Permission, type TenantContext } from "@hopquy/core";
import { NextResponse } from "next/server";
import { getSession } from "@/auth/session";
import { toActionError } from "./action-client";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  EXPIRED: 410,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function statusOfErrorCode(code: string): number {
  return STATUS[code] ?? 500;
}

export function tenantRoute(
  permission: Permission,
  handler: (ctx: TenantContext, request: Request) => Promise<unknown>,
) {
  return async (request: Request, { params }: { params: Promise<{ orgSlug: string }> }) => {
    const user = await getSession();
    if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED" } }, { status: 401 });
    try {
      const ctx = await resolveTenantContext(user, (await params).orgSlug);
      assertCan(ctx, permission);
      return NextResponse.json(await handler(ctx, request), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      const body = toActionError(error, { userId: user.id });
      return NextResponse.json({ error: body }, { status: statusOfErrorCode(body.code) });
    }
  };
}
