import { getPortfolio, getPortfolioDeadlines } from "@hopquy/core";
import Link from "next/link";
import { requireSession } from "@/auth/session";
import { OrganizationSummary } from "@/features/portfolio/organization-summary";
import { PortfolioDeadlines } from "@/features/portfolio/portfolio-deadlines";
import { PortfolioHeader } from "@/features/portfolio/portfolio-header";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

// Any signed-in user: every organization is read through the user's own membership there.
export default async function PortfolioPage() {
  const user = await requireSession();
  const { t, locale } = await getTranslator();
  const [portfolio, deadlines] = await Promise.all([getPortfolio(user), getPortfolioDeadlines(user)]);
  return (
    <div className="min-h-screen">
      <PortfolioHeader organizations={portfolio.map((entry) => entry.organization)} user={user} t={t} />
      <main className="mx-auto max-w-6xl space-y-6 p-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-bold">{t("portfolio.title")}</h1>
          <p className="text-sm text-slate-600">{t("portfolio.intro")}</p>
          {portfolio.length > 0 ? (
            <p className="text-sm font-medium text-slate-700" data-testid="portfolio-count">
              {portfolio.length === 1 ? t("portfolio.organizationCountOne") : t("portfolio.organizationCount", { count: portfolio.length })}
            </p>
          ) : null}
        </header>
        {portfolio.length === 0 ? (
          <div className="space-y-3 rounded-lg bg-white p-5 text-sm shadow-sm" data-testid="portfolio-empty">
            <p className="text-slate-600">{t("portfolio.empty")}</p>
            <Link href="/orgs/new" className="font-medium text-brand-600 underline">
              {t("portfolio.createOrganization")}
            </Link>
          </div>
        ) : (
          <>
            <PortfolioDeadlines data={deadlines} t={t} locale={locale} />
            {portfolio.map((entry) => <OrganizationSummary key={entry.organization.id} entry={entry} t={t} />)}
          </>
        )}
      </main>
    </div>
  );
}
