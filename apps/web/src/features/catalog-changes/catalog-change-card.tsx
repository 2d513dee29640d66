import type { CatalogChangeItem } from "@hopquy/core";
import Link from "next/link";
import { regulationLabel } from "@/features/catalogs/regulation-label";
import { localized } from "@/i18n/localized";
import type { Locale, Translate } from "@/i18n/translate";
import { describeChange } from "./describe-change";
import { formatDateTime } from "@/i18n/format-date";

const KIND_TONE = { added: "bg-green-50 text-green-800", removed: "bg-red-50 text-red-800", changed: "bg-amber-50 text-amber-900" } as const;

// One publication that affected the organization: what it is, what changed and why, and how many of
// the organization's assessments it marked.
export function CatalogChangeCard({ item, organizationSlug, t, locale }: { item: CatalogChangeItem; organizationSlug: string; t: Translate; locale: Locale }) {
  const { publication, changes, items, itemsOmitted, affectedAssessments, affectedSkus } = item.record;
  const base = `/${organizationSlug}/catalogs`;
  const isCatalog = publication.kind === "catalog";
  const hrefOf = (id: string) => (isCatalog ? `${base}/${id}` : `${base}/mapping-sets/${id}`);
  const name = isCatalog && publication.regulation ? `${regulationLabel(publication.regulation)} ${publication.version ?? ""}`.trim() : publication.label;
  const title = localized(locale, publication.titleVi, publication.titleEn);
  return (
    <article className="space-y-3 rounded-lg bg-white p-4 shadow-sm" data-testid="catalog-change" data-publication={publication.id}>
      <header className="space-y-1">
        <p className="text-xs font-medium uppercase text-slate-500">{t(isCatalog ? "catalogChanges.catalog" : "catalogChanges.mappingSet")}</p>
        <h2 className="font-semibold">
          <Link className="text-brand-600 hover:underline" href={hrefOf(publication.id)}>{name}</Link>{" "}
          <span className="font-normal text-slate-600">· {t("catalogChanges.revision", { revision: publication.revision })}</span>
        </h2>
        {title ? <p className="text-sm text-slate-700">{title}</p> : null}
        <p className="text-xs text-slate-500">
          {t("catalogChanges.replaces", { label: publication.previous.label, revision: publication.previous.revision })}
          {" · "}
          {t("catalogChanges.assessedAt", { date: formatDateTime(locale, item.createdAt) })}
        </p>
      </header>

      <div className="space-y-1 text-sm" data-testid="catalog-change-impact">
        <p className={affectedAssessments > 0 ? "font-medium text-amber-900" : "text-slate-600"}>
          {affectedAssessments > 0 ? t("catalogChanges.affected", { count: affectedAssessments, skus: affectedSkus }) : t("catalogChanges.affectedNone")}
          {affectedAssessments > 0 ? ` ${t("catalogChanges.stillOpen", { count: item.stillNeedsReview })}` : null}
        </p>
        <p className="text-slate-600">{t("catalogChanges.counts", { added: changes.added, removed: changes.removed, changed: changes.changed })}</p>
      </div>

      <table className="w-full text-sm" data-testid="catalog-change-items">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3">{t("catalogChanges.item")}</th>
            <th className="py-1 pr-3">{t("catalogChanges.why")}</th>
            <th className="py-1" />
          </tr>
        </thead>
        <tbody>
          {items.map((change) => (
            <tr key={`${change.kind}-${change.key}`} className="border-t border-slate-100 align-top">
              <td className="py-1.5 pr-3 font-mono">
                {change.clauseId ? (
                  <Link className="text-brand-600 hover:underline" href={`${base}/clauses/${change.clauseId}`}>{change.key}</Link>
                ) : (
                  change.key
                )}
              </td>
              <td className="py-1.5 pr-3">
                <span className={`mr-2 rounded px-1.5 py-0.5 text-xs ${KIND_TONE[change.kind]}`}>{t(`catalogChanges.kinds.${change.kind}`)}</span>
                {describeChange(t, change, isCatalog ? "clause" : "mapping")}
              </td>
              <td className="py-1.5 text-right text-xs">
                {change.needsReview ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("catalogChanges.needsReview")}</span>
                ) : change.kind === "changed" ? (
                  <span className="text-slate-500">{t("catalogChanges.editorial")}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="space-x-3 text-sm">
        {itemsOmitted > 0 ? <span className="text-slate-600">{t("catalogChanges.omitted", { count: itemsOmitted })}</span> : null}
        <Link className="text-brand-600 underline" href={hrefOf(publication.id)}>{t("catalogChanges.openPublication")}</Link>
        <Link className="text-brand-600 underline" href={hrefOf(publication.previous.id)}>{t("catalogChanges.previousPublication")}</Link>
      </p>
    </article>
  );
}
