import { can, listProductFamilies, listSkus } from "@hopquy/core";
import Link from "next/link";
import { inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import { FamilyForm } from "@/features/skus/family-form";
import { SkuForm } from "@/features/skus/sku-form";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

type Search = { cursor?: string; family?: string; q?: string; archived?: string };

export default async function SkusPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Search> }) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const query = await searchParams;
  const { t } = await getTranslator();
  const filters = {
    familyId: query.family?.slice(0, 64) || undefined,
    search: query.q?.slice(0, 100) || undefined,
    includeArchived: query.archived === "1",
  };
  const [{ skus, nextCursor }, families] = await Promise.all([
    listSkus(ctx, { ...filters, cursor: query.cursor?.slice(0, 64) || undefined }),
    listProductFamilies(ctx),
  ]);
  const base = `/${ctx.organizationSlug}/skus`;
  const exportHref = `/api/orgs/${ctx.organizationSlug}/skus/export?archived=${filters.includeArchived ? "1" : "0"}`;
  const nextHref = () => {
    const next = new URLSearchParams({ cursor: nextCursor ?? "" });
    if (filters.familyId) next.set("family", filters.familyId);
    if (filters.search) next.set("q", filters.search);
    if (filters.includeArchived) next.set("archived", "1");
    return `${base}?${next}`;
  };
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{t("skus.title")}</h1>
          <p className="text-sm text-slate-600">{t("skus.intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(ctx, "sku:create") ? <Link href={`${base}/import`} className={secondaryButtonClass}>{t("imports.open")}</Link> : null}
          <a href={`${exportHref}&format=xlsx`} className={secondaryButtonClass} download>{t("imports.exportXlsx")}</a>
          <a href={`${exportHref}&format=csv`} className={secondaryButtonClass} download>{t("imports.exportCsv")}</a>
        </div>
      </header>
      <form className="flex flex-wrap items-center gap-3" action={base}>
        <input name="q" defaultValue={filters.search} placeholder={t("skus.search")} aria-label={t("skus.search")} className={`${inputClass} max-w-sm`} />
        <select name="family" defaultValue={filters.familyId ?? ""} aria-label={t("skus.family")} className={`${inputClass} max-w-xs`}>
          <option value="">{t("skus.allFamilies")}</option>
          {families.map((family) => (
            <option key={family.id} value={family.id}>{family.name} ({family._count.skus})</option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="archived" value="1" defaultChecked={filters.includeArchived} /> {t("skus.showArchived")}
        </label>
        <button type="submit" className={secondaryButtonClass}>{t("skus.filter")}</button>
      </form>
      {skus.length === 0 ? (
        <p className="text-sm text-slate-500">{t("skus.empty")}</p>
      ) : (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="sku-table">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-3">{t("skus.modelCode")}</th>
              <th className="p-3">{t("skus.brand")}</th>
              <th className="p-3">{t("skus.manufacturer")}</th>
              <th className="p-3">{t("skus.family")}</th>
              <th className="p-3">{t("skus.firmwareCount")}</th>
            </tr>
          </thead>
          <tbody>
            {skus.map((sku) => (
              <tr key={sku.id} className="border-t border-slate-100">
                <td className="p-3">
                  <Link href={`${base}/${sku.id}`} className="font-mono text-brand-600 hover:underline">
                    {sku.modelCode}{sku.hardwareRevision ? ` rev ${sku.hardwareRevision}` : ""}
                  </Link>
                  {sku.archivedAt ? <span className="ml-2 text-xs text-slate-500">{t("skus.archived")}</span> : null}
                </td>
                <td className="p-3">{sku.brand}</td>
                <td className="p-3">{sku.manufacturer}</td>
                <td className="p-3">{sku.family?.name ?? "—"}</td>
                <td className="p-3">{sku._count.firmwareVersions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? <Link className="text-sm text-brand-600 underline" href={nextHref()}>{t("common.next")}</Link> : null}
      {can(ctx, "sku:create") ? (
        <section className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("skus.new")}</h2>
          <SkuForm organizationSlug={ctx.organizationSlug} families={families} />
          <FamilyForm organizationSlug={ctx.organizationSlug} />
        </section>
      ) : null}
    </div>
  );
}
