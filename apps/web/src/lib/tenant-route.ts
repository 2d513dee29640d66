// Route handlers for HTTP consumers inside one organization: the server-action chain (membership,
// permission) on top of userRoute's session check and error mapping, answered as JSON (a handler
// that returns a Response, such as a file download, is answered with it as is).
import { assertCan, resolveTenantContext, type Permission, type TenantContext } from "@hopquy/core";
import { NextResponse } from "next/server";
import { userRoute } from "./user-route";

export function tenantRoute<P extends { orgSlug: string } = { orgSlug: string }>(
  permission: Permission,
  handler: (ctx: TenantContext, request: Request, params: P) => Promise<unknown>,
) {
  return userRoute<P>(async (user, request, params) => {
    const ctx = await resolveTenantContext(user, params.orgSlug);
    assertCan(ctx, permission);
    const result = await handler(ctx, request, params);
    return result instanceof Response ? result : NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  });
}
