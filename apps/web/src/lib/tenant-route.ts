// Route handlers for HTTP consumers inside one organization: the server-action chain (membership,
// permission) on top of userRoute's session check and error mapping, answered as JSON.
import { assertCan, resolveTenantContext, type Permission, type TenantContext } from "@hopquy/core";
import { NextResponse } from "next/server";
import { userRoute } from "./user-route";

export function tenantRoute(permission: Permission, handler: (ctx: TenantContext, request: Request) => Promise<unknown>) {
  return userRoute<{ orgSlug: string }>(async (user, request, { orgSlug }) => {
    const ctx = await resolveTenantContext(user, orgSlug);
    assertCan(ctx, permission);
    return NextResponse.json(await handler(ctx, request), { headers: { "Cache-Control": "no-store" } });
  });
}
