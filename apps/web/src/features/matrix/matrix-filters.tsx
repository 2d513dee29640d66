import { RISK_CLASSES } from "@hopquy/core";
import Link from "next/link";
import type { Translate } from "@/i18n/translate";
import { inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import type { MatrixFilters as Filters } from "./matrix-href";
import { STATUS_FILTERS } from "./parse-matrix-filters";

const labelClass = "flex flex-col gap-1 text-xs font-medium text-slate-600";

// A plain GET form: filters live in the address, so a filtered matrix can be bookmarked and shared.
export function MatrixFilters({
  base,
  filters,
  families,
  t,
}: {
  base: string;
  filters: Filters;
  families: { id: string; name: string; _count: { skus: number } }[];
  t: Translate;
}) {
  const active = Boolean(filters.familyId || filters.riskClass || filters.status || filters.search);
  return (
    <form role="search" action={base} method="get" className="flex flex-wrap items-end gap-3" data-testid="matrix-filters">
      <label className={labelClass}>
        {t("matrix.search")}
        <input type="search" name="q" defaultValue={filters.search} maxLength={100} className={`${inputClass} max-w-72`} />
      </label>
      <label className={labelClass}>
        {t("matrix.family")}
        <select name="family" defaultValue={filters.familyId ?? ""} className={`${inputClass} max-w-56`}>
          <option value="">{t("matrix.allFamilies")}</option>
          {families.map((family) => (
            <option key={family.id} value={family.id}>
              {family.name} ({family._count.skus})
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("matrix.riskClass")}
        <select name="risk" defaultValue={filters.riskClass ?? ""} className={`${inputClass} max-w-44`}>
          <option value="">{t("matrix.allRiskClasses")}</option>
          {RISK_CLASSES.map((risk) => (
            <option key={risk} value={risk}>
              {t(`riskClasses.${risk}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {t("matrix.statusFilter")}
        <select name="status" defaultValue={filters.status ?? ""} className={`${inputClass} max-w-52`}>
          <option value="">{t("matrix.anyStatus")}</option>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`matrix.status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={secondaryButtonClass}>
        {t("matrix.filter")}
      </button>
      {active ? (
        <Link href={base} className="py-1.5 text-sm text-brand-600 underline">
          {t("matrix.resetFilters")}
        </Link>
      ) : null}
    </form>
  );
}
