import { can, DEFAULT_RISK_CLASS_REASONS, getSkuObligations, listSkuDeclarations, type TenantContext } from "@hopquy/core";
import { DeadlineStateBadge } from "@/features/deadlines/deadline-state-badge";
import { countdownText, obligationLabel, reasonText } from "@/features/deadlines/obligation-text";
import { formatDateTime, formatDay } from "@/i18n/format-date";
import type { Locale, MessageKey, Translate } from "@/i18n/translate";
import { DeclarationForm } from "./declaration-form";
import { DeclarationStatusButtons } from "./declaration-status-buttons";

const RISK_BADGES = { unclassified: "bg-slate-100 text-slate-700", low: "bg-emerald-100 text-emerald-800", medium: "bg-amber-100 text-amber-800", high: "bg-red-100 text-red-800" } as const;
const DEFAULT_REASONS = new Set<string>(Object.values(DEFAULT_RISK_CLASS_REASONS));

export const isDefaultRiskClassReason = (reason: string | null) => reason !== null && DEFAULT_REASONS.has(reason);

// A stored reason: the default codes are said in the reader's language, anything else as typed.
export function riskClassReasonText(t: Translate, reason: string | null): string | null {
  if (!reason) return null;
  return isDefaultRiskClassReason(reason) ? t(`skuRisk.defaultReasons.${reason}` as MessageKey) : reason;
}

interface SkuClassFacts {
  id: string;
  riskClassSetByEmail: string | null;
  riskClassSetAt: Date | null;
  listRiskEntryId: string | null;
  riskListId: string | null;
  firmwareVersions: { id: string; version: string }[];
}

// The SKU's effective MPS risk class and where it comes from, its market facts, what it owes under
// the list in force, and the declarations that meet it.
export async function SkuRiskSection({ ctx, sku, t, locale }: { ctx: TenantContext; sku: SkuClassFacts; t: Translate; locale: Locale }) {
  const [{ today, list, sku: facts, obligations }, declarations] = await Promise.all([getSkuObligations(ctx, { skuId: sku.id }), listSkuDeclarations(ctx, sku.id)]);
  const day = (value: Date | string | null) => formatDay(locale, value);
  const declarationOf = new Map(declarations.map((d) => [d.id, d]));
  const reason = riskClassReasonText(t, facts.riskClassReason);
  const recording = can(ctx, "declaration:record");
  return (
    <section id="risk-class" className="space-y-4 rounded-lg bg-white p-4 shadow-sm" data-testid="sku-risk-section">
      <h2 className="font-semibold">{t("skuRisk.title")}</h2>
      <div className="space-y-1 text-sm">
        <p>
          <span className="text-slate-600">{t("skuRisk.effectiveClass")}: </span>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${RISK_BADGES[facts.riskClass]}`} data-testid="sku-risk-class" data-risk={facts.riskClass} data-origin={facts.riskClassOrigin}>
            {t(`riskClasses.${facts.riskClass}`)}
          </span>{" "}
          <span className="text-slate-600">· {t(`obligations.origins.${facts.riskClassOrigin}`)}</span>
        </p>
        {facts.riskClassOrigin === "list" ? (
          <p className="text-slate-600" data-testid="sku-risk-origin">
            {list && sku.riskListId === list.id
              ? sku.listRiskEntryId
                ? t("skuRisk.fromList", { label: list.label, entry: sku.listRiskEntryId })
                : t("skuRisk.fromListNoEntry", { label: list.label })
              : t(`obligations.origins.list`)}
          </p>
        ) : null}
        {facts.riskClassOrigin === "manual" ? (
          <p className="text-slate-600" data-testid="sku-risk-origin">
            {sku.riskClassSetByEmail && sku.riskClassSetAt ? t("skuRisk.setByHand", { email: sku.riskClassSetByEmail, date: formatDateTime(locale, sku.riskClassSetAt) }) : t("skuRisk.setByHandUnknown")}
            {reason ? ` ${t("skuRisk.reason", { reason })}` : ""}
          </p>
        ) : null}
        {facts.riskClassOrigin === "none" ? <p className="text-slate-600">{list ? t("skuRisk.notClassified") : t("skuRisk.noList")}</p> : null}
        {facts.classConflict && facts.listRiskClass ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900" role="alert" data-testid="sku-risk-conflict">
            {t("skuRisk.conflict", { listClass: t(`riskClasses.${facts.listRiskClass}`), manualClass: t(`riskClasses.${facts.riskClass}`) })}
          </p>
        ) : null}
        <p data-testid="sku-market-status">
          <span className="text-slate-600">{t("skuRisk.marketStatus")}: </span>
          {t(`obligations.marketStatuses.${facts.marketStatus}`)}
          {facts.marketStatus === "planned" && facts.plannedLaunchOn ? ` · ${t("skuRisk.plannedLaunchOn")} ${day(facts.plannedLaunchOn)}` : ""}
          {facts.marketStatus !== "planned" && facts.onMarketSince ? ` · ${t("skuRisk.onMarketSince")} ${day(facts.onMarketSince)}` : ""}
          {facts.marketStatus === "withdrawn" ? ` · ${t("skuRisk.withdrawnOn")} ${day(facts.withdrawnOn)}` : ""}
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">{t("skuRisk.obligations")}</h3>
        {obligations.length === 0 ? (
          <p className="text-sm text-slate-500">{t("skuRisk.noObligations")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="sku-obligations">
              <thead className="border-b text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3">{t("skuRisk.kind")}</th>
                  <th className="py-2 pr-3">{t("skuRisk.required")}</th>
                  <th className="py-2 pr-3">{t("skuRisk.dueDate")}</th>
                  <th className="py-2 pr-3">{t("skuRisk.state")}</th>
                  <th className="py-2 pr-3">{t("skuRisk.metBy")}</th>
                  <th className="py-2 pr-3">{t("skuRisk.why")}</th>
                  <th className="py-2">{t("skuRisk.source")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {obligations.map((obligation) => {
                  const metBy = obligation.metBy ? declarationOf.get(obligation.metBy) : undefined;
                  return (
                    <tr key={obligation.key} data-testid="sku-obligation" data-kind={obligation.kind} data-state={obligation.state}>
                      <td className="py-2 pr-3">{obligationLabel(t, obligation)}</td>
                      <td className="py-2 pr-3">{t(`obligations.required.${obligation.required}`)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{obligation.dueDate ? day(obligation.dueDate) : t("obligations.states.tbd")}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <DeadlineStateBadge state={obligation.state} t={t} />
                        <div className="text-xs text-slate-500" data-testid="sku-obligation-countdown">{countdownText(t, obligation)}</div>
                      </td>
                      <td className="py-2 pr-3 text-xs">
                        {metBy ? `${t("skuRisk.metByDeclaration", { date: day(metBy.filedOn) })}${metBy.receiptNumber ? ` · ${metBy.receiptNumber}` : ""}` : "—"}
                      </td>
                      <td className="py-2 pr-3 text-xs text-slate-600">
                        {obligation.reasons.map((r, i) => (
                          <p key={i}>{reasonText(t, locale, r)}</p>
                        ))}
                      </td>
                      <td className="py-2 text-xs text-slate-600">{obligation.source.kind === "risk_list" ? obligation.source.label : t("skuRisk.sourceTimeline")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">{t("declarations.title")}</h3>
        {declarations.length === 0 ? (
          <p className="text-sm text-slate-500">{t("declarations.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="sku-declarations">
              <thead className="border-b text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3">{t("declarations.filedOn")}</th>
                  <th className="py-2 pr-3">{t("declarations.route")}</th>
                  <th className="py-2 pr-3">{t("declarations.firmware")}</th>
                  <th className="py-2 pr-3">{t("declarations.details")}</th>
                  <th className="py-2 pr-3">{t("declarations.status")}</th>
                  <th className="py-2">{t("declarations.recordedBy")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {declarations.map((d) => (
                  <tr key={d.id} data-testid="sku-declaration" data-status={d.status}>
                    <td className="py-2 pr-3 whitespace-nowrap">{day(d.filedOn)}</td>
                    <td className="py-2 pr-3">{t(`declarations.routes.${d.route}`)}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{d.firmwareVersion ?? "—"}</td>
                    <td className="py-2 pr-3 text-xs text-slate-600">
                      {[
                        [t("declarations.authority"), d.authority],
                        [t("declarations.channel"), d.channel],
                        [t("declarations.receiptNumber"), d.receiptNumber],
                        [t("declarations.certificationBody"), d.certificationBody],
                        [t("declarations.certificateNumber"), d.certificateNumber],
                        [t("declarations.note"), d.note],
                      ]
                        .filter(([, value]) => value)
                        .map(([label, value]) => (
                          <p key={label}>
                            {label}: {value}
                          </p>
                        ))}
                    </td>
                    <td className="py-2 pr-3 space-y-1">
                      <span className="block text-xs font-medium">{t(`declarations.statuses.${d.status}`)}</span>
                      {recording ? <DeclarationStatusButtons organizationSlug={ctx.organizationSlug} declarationId={d.id} status={d.status} /> : null}
                    </td>
                    <td className="py-2 text-xs text-slate-600">{d.createdByEmail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {recording ? (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium">{t("declarations.record")}</summary>
            <div className="pt-3">
              <DeclarationForm organizationSlug={ctx.organizationSlug} skuId={sku.id} firmware={sku.firmwareVersions.map((f) => ({ id: f.id, version: f.version }))} today={today} />
            </div>
          </details>
        ) : null}
      </div>
    </section>
  );
}
