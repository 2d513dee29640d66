"use client";

import { useRouter } from "next/navigation";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { clearAssessmentDecisionAction, decideAssessmentAction } from "./actions";

const STATUSES = ["covered", "partial", "gap", "not_applicable", "in_progress", "not_started"] as const;

// A reviewer's decision on one clause for the SKU at its current firmware.
export function DecideAssessmentForm({
  organizationSlug,
  skuId,
  clauseId,
  clauseCode,
  current,
}: {
  organizationSlug: string;
  skuId: string;
  clauseId: string;
  clauseCode: string;
  current: { status: string; reason: string | null; manual: boolean } | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label={`${t("skuCompliance.decide")} ${clauseCode}`}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        run(
          () => decideAssessmentAction(organizationSlug, { skuId, clauseId, status: String(data.get("status")) as (typeof STATUSES)[number], reason: String(data.get("reason") ?? "") }),
          () => router.refresh(),
        );
      }}
    >
      <label className="block space-y-1" htmlFor={`decide-status-${clauseId}`}>
        <span className="text-xs font-medium text-slate-700">{t("skuCompliance.decision")}</span>
        <select id={`decide-status-${clauseId}`} name="status" defaultValue={current?.manual ? current.status : "covered"} className={inputClass}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{t(`skuCompliance.statuses.${s}`)}</option>
          ))}
        </select>
      </label>
      <label className="block min-w-64 flex-1 space-y-1" htmlFor={`decide-reason-${clauseId}`}>
        <span className="text-xs font-medium text-slate-700">{t("skuCompliance.reason")}</span>
        <input id={`decide-reason-${clauseId}`} name="reason" maxLength={2000} defaultValue={current?.manual ? (current.reason ?? "") : ""} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>{t("skuCompliance.save")}</button>
      {current?.manual ? (
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run(() => clearAssessmentDecisionAction(organizationSlug, { skuId, clauseId }), () => router.refresh())}>
          {t("skuCompliance.clear")}
        </button>
      ) : null}
      <div className="w-full">
        {error?.fieldErrors?.reason ? <FormError error={{ code: "VALIDATION", reason: "reason_required" }} /> : <FormError error={error} />}
      </div>
    </form>
  );
}
