import { getGapReport } from "@hopquy/core";
import { gapReportFileName, renderGapReportCsv, renderGapReportPdf } from "@hopquy/dossier";
import { z } from "zod";
import { getLocale } from "@/i18n/get-locale";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

const query = z.object({
  format: z.enum(["csv", "pdf"]).default("pdf"),
  skuId: z.string().min(1).max(64).optional(),
  lang: z.enum(["vi", "en"]).optional(),
});

// GET ?format=csv|pdf[&skuId=…][&lang=vi|en] — the QCVN 11 gap report of one SKU or of every active
// SKU, in the reader's language unless asked otherwise.
export const GET = tenantRoute("assessment:read", async (ctx, request) => {
  const parsed = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { format, skuId } = parsed;
  const lang = parsed.lang ?? (await getLocale());
  const content = await getGapReport(ctx, { skuId });
  const fileName = gapReportFileName(content, format);
  if (format === "csv") return fileResponse({ fileName, contentType: "text/csv; charset=utf-8", body: renderGapReportCsv(content, lang) });
  return fileResponse({ fileName, contentType: "application/pdf", body: new Uint8Array(await renderGapReportPdf(content, lang)) });
});
