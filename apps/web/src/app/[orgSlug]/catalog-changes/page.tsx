import { can, listCatalogChanges } from "@hopquy/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CatalogChangeCard } from "@/features/catalog-changes/catalog-change-card";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function CatalogChangesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  if (!can(ctx, "assessment:read")) notFound();
  const { cursor } = await searchParams;
  const { t, locale } = await getTranslator();
  const { changes, nextCursor, skusNeedingReview } = await listCatalogChanges(ctx, { cursor: cursor?.slice(0, 64) || undefined });
  const slug = ctx.organizationSlug;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("catalogChanges.title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("catalogChanges.intro")}</p>
        <p className="text-sm font-medium text-slate-800" data-testid="needs-review-summary">
          {skusNeedingReview > 0 ? t("catalogChanges.needsReviewCount", { count: skusNeedingReview }) : t("catalogChanges.needsReviewNone")}{" "}
          {skusNeedingReview > 0 ? (
            <Link className="text-brand-600 underline" href={`/${slug}/matrix?status=needs_review`}>
              {t("catalogChanges.openMatrix")}
            </Link>
          ) : null}
        </p>
      </header>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("catalogChanges.empty")}</p>
      ) : (
        <div className="space-y-4">
          {changes.map((item) => (
            <CatalogChangeCard key={item.id} item={item} organizationSlug={slug} t={t} locale={locale} />
          ))}
        </div>
      )}
      {nextCursor ? (
        <Link className="text-sm text-brand-600 underline" href={`/${slug}/catalog-changes?cursor=${encodeURIComponent(nextCursor)}`}>
          {t("catalogChanges.older")}
        </Link>
      ) : null}
    </div>
  );
}
