import type { OrganizationDeadline } from "@hopquy/core";
import Link from "next/link";
import { formatDay } from "@/i18n/format-date";
import type { Locale, Translate } from "@/i18n/translate";
import { DeadlineStateBadge } from "./deadline-state-badge";
import { countdownText, obligationLabel, reasonText } from "./obligation-text";

type DeadlineRow = OrganizationDeadline & { organization?: { slug: string; name: string } };

// One row per SKU obligation: what, for which SKU, by when, where it stands and why. Rows that name
// their organization (the portfolio) get an organization column and link into it.
export function DeadlineTable({ rows, organizationSlug, t, locale, showReasons = true }: { rows: DeadlineRow[]; organizationSlug?: string; t: Translate; locale: Locale; showReasons?: boolean }) {
  const withOrganization = rows.some((r) => r.organization);
  return (
    <table className="w-full text-left text-sm" data-testid="deadline-table">
      <thead className="border-b text-xs uppercase text-slate-500">
        <tr>
          {withOrganization ? <th className="py-2 pr-3">{t("portfolio.organization")}</th> : null}
          <th className="py-2 pr-3">{t("deadlines.sku")}</th>
          <th className="py-2 pr-3">{t("deadlines.obligation")}</th>
          <th className="py-2 pr-3">{t("deadlines.riskClass")}</th>
          <th className="py-2 pr-3">{t("deadlines.dueDate")}</th>
          <th className="py-2 pr-3">{t("deadlines.state")}</th>
          {showReasons ? <th className="py-2">{t("deadlines.why")}</th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(({ sku, obligation, organization }) => (
          <tr key={`${sku.id}-${obligation.key}`} data-testid="deadline-row" data-sku={sku.modelCode} data-kind={obligation.kind} data-state={obligation.state} data-org={organization?.slug}>
            {withOrganization ? (
              <td className="py-2 pr-3">
                <Link className="underline" href={`/${organization?.slug}/deadlines`}>{organization?.name}</Link>
              </td>
            ) : null}
            <td className="py-2 pr-3">
              <Link className="font-medium text-brand-600 underline" href={`/${organization?.slug ?? organizationSlug}/skus/${sku.id}`}>
                {sku.modelCode}
                {sku.hardwareRevision ? ` (${sku.hardwareRevision})` : ""}
              </Link>
              <div className="text-xs text-slate-500">{sku.brand}</div>
            </td>
            <td className="py-2 pr-3">{obligationLabel(t, obligation)}</td>
            <td className="py-2 pr-3">{t(`riskClasses.${sku.riskClass}`)}</td>
            <td className="py-2 pr-3 whitespace-nowrap">
              <span data-testid="deadline-due">{obligation.dueDate ? formatDay(locale, obligation.dueDate) : t("obligations.states.tbd")}</span>
              <div className="text-xs text-slate-500" data-testid="deadline-countdown">{countdownText(t, obligation)}</div>
            </td>
            <td className="py-2 pr-3"><DeadlineStateBadge state={obligation.state} t={t} /></td>
            {showReasons ? (
              <td className="py-2 text-xs text-slate-600">
                {obligation.reasons.map((r, i) => (
                  <p key={i}>{reasonText(t, locale, r)}</p>
                ))}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
