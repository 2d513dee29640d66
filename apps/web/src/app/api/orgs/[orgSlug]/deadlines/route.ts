import { listOrganizationDeadlines } from "@hopquy/core";
import { deadlinesCsv } from "@/features/deadlines/deadlines-csv";
import { getTranslator } from "@/i18n/get-locale";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

// GET ?state=&riskClass=&familyId=&kind= — every matching deadline (all pages) as CSV, worded as the page.
export const GET = tenantRoute("sku:read", async (ctx, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { t, locale } = await getTranslator();
  const { deadlines, today } = await listOrganizationDeadlines(ctx, { ...query, page: 1, limit: 200, all: true });
  return fileResponse({ fileName: `deadlines-${ctx.organizationSlug}-${today}.csv`, contentType: "text/csv; charset=utf-8", body: deadlinesCsv(deadlines, t, locale) });
});
