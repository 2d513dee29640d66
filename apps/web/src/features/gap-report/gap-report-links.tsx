import { secondaryButtonClass } from "@/features/shell/control-styles";
import type { Translate } from "@/i18n/translate";

export function gapReportHref(orgSlug: string, format: "pdf" | "csv", skuId?: string): string {
  const query = new URLSearchParams({ format });
  if (skuId) query.set("skuId", skuId);
  return `/api/orgs/${encodeURIComponent(orgSlug)}/gap-report?${query}`;
}

// Download links for the gap report of one SKU (skuId) or of every active SKU of the organization.
// The route answers in the reader's language (locale cookie) and needs assessment:read, which every role has.
export function GapReportLinks({ orgSlug, skuId, t }: { orgSlug: string; skuId?: string; t: Translate }) {
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("gapReport.links")} title={t("gapReport.hint")} data-testid="gap-report-links">
      <a href={gapReportHref(orgSlug, "pdf", skuId)} className={secondaryButtonClass} download>{t("gapReport.pdf")}</a>
      <a href={gapReportHref(orgSlug, "csv", skuId)} className={secondaryButtonClass} download>{t("gapReport.csv")}</a>
    </div>
  );
}
