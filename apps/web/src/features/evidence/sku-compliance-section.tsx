import { can, getSkuCompliance, type TenantContext } from "@hopquy/core";
import Link from "next/link";
import { DecideAssessmentForm } from "@/features/evidence/decide-assessment-form";
import { EvidenceStateBadge } from "@/features/evidence/state-badge";
import { AssessmentStatusBadge } from "@/features/evidence/status-badge";
import { buttonClass, secondaryButtonClass } from "@/features/shell/control-styles";
import type { Locale, MessageKey, Translate } from "@/i18n/translate";
import { localized } from "@/i18n/localized";
import { formatDateTime } from "@/i18n/format-date";

// The SKU's clauses grouped by requirement group (anchors #group-<code> for the matrix drill-down),
// each with its status, where the status came from, and the evidence behind it.
export async function SkuComplianceSection({ ctx, skuId, t, locale }: { ctx: TenantContext; skuId: string; t: Translate; locale: Locale }) {
  const compliance = await getSkuCompliance(ctx, skuId);
  const base = `/${ctx.organizationSlug}`;
  if (!compliance) return <p className="text-sm text-slate-500">{t("skuCompliance.noCatalog")}</p>;
  const decide = can(ctx, "assessment:decide");
  const dateTime = (date: Date) => formatDateTime(locale, date);
  const { coverage } = compliance;
  const done = coverage.total.covered + coverage.total.not_applicable;
  return (
    <section className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="compliance-heading">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="compliance-heading" className="font-semibold">{t("skuCompliance.title")}</h2>
          <p className="text-xs text-slate-600">
            {compliance.currentFirmware ? t("skuCompliance.atFirmware", { version: compliance.currentFirmware.version }) : t("skuCompliance.noFirmwareScope")}
          </p>
          {compliance.target.provisional ? <p className="text-xs text-amber-700">{t("skuCompliance.provisional")}</p> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/skus/${skuId}/remap`} className={secondaryButtonClass}>{t("remap.openPreview")}</Link>
          {can(ctx, "evidence:create") ? <Link href={`${base}/evidence/new?skuId=${skuId}`} className={buttonClass}>{t("skuCompliance.addEvidence")}</Link> : null}
        </div>
      </div>
      <div className="space-y-1">
        <div className="h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden>
          <div className="h-2 bg-green-600" style={{ width: `${Math.round(coverage.progress * 100)}%` }} />
        </div>
        <p className="text-xs text-slate-600" data-testid="sku-progress">{t("skuCompliance.progress", { done, total: coverage.clauses })}</p>
      </div>
      {compliance.groups.map(({ group, clauses }) => (
        <div key={group.id} id={`group-${group.code}`} className="scroll-mt-4 space-y-2" data-testid={`group-${group.code}`}>
          <h3 className="border-b border-slate-200 pb-1 text-sm font-semibold">
            <span className="font-mono">{group.code}</span> · {localized(locale, group.titleVi, group.titleEn)}
          </h3>
          <ul className="divide-y divide-slate-100">
            {clauses.map(({ clause, assessment, evidence }) => (
              <li key={clause.id} className="space-y-1 py-2 text-sm" data-testid={`clause-${clause.code}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <AssessmentStatusBadge status={assessment?.status ?? "not_started"} t={t} />
                  <Link href={`${base}/catalogs/clauses/${clause.id}`} className="font-mono text-brand-600 hover:underline">{clause.code}</Link>
                  <span>{localized(locale, clause.titleVi, clause.titleEn)}</span>
                  {assessment ? <span className="text-xs text-slate-500">({t(`skuCompliance.origins.${assessment.origin}` as MessageKey)}{assessment.decidedByEmail && assessment.decidedAt ? ` · ${t("skuCompliance.decidedBy", { email: assessment.decidedByEmail, date: dateTime(assessment.decidedAt) })}` : ""})</span> : null}
                  {assessment?.needsReview ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-800">{t("skuCompliance.needsReview")}</span> : null}
                </div>
                {assessment?.reason ? <p className="text-xs italic text-slate-600">{assessment.reason}</p> : null}
                {evidence.length ? (
                  <ul className="ml-4 list-disc text-xs">
                    {evidence.map((e) => (
                      <li key={e.id}>
                        <Link href={`${base}/evidence/${e.id}`} className="text-brand-600 hover:underline">{e.title}</Link>{" "}
                        <EvidenceStateBadge state={e.reviewState} t={t} />
                        {e.linkNote ? <span className="italic text-slate-500"> — {e.linkNote}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {decide ? (
                  <details className="ml-4">
                    <summary className="cursor-pointer text-xs text-brand-600">{t("skuCompliance.decide")}</summary>
                    <DecideAssessmentForm
                      organizationSlug={ctx.organizationSlug}
                      skuId={skuId}
                      clauseId={clause.id}
                      clauseCode={clause.code}
                      current={assessment ? { status: assessment.status, reason: assessment.reason, manual: assessment.origin === "manual" } : null}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
