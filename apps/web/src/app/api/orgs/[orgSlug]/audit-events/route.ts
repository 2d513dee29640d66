import { listAuditEvents } from "@hopquy/core";
import { tenantRoute } from "@/lib/tenant-route";

// JSON export of the audit log for auditors' tools; paginate with ?beforeSeq=.
export const GET = tenantRoute("audit:read", async (ctx, request) => {
  const url = new URL(request.url);
  return listAuditEvents(ctx, {
    beforeSeq: url.searchParams.get("beforeSeq") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
  });
});
