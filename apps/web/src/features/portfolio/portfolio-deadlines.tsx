import type { getPortfolioDeadlines } from "@hopquy/core";
import { DeadlineTable } from "@/features/deadlines/deadline-table";
import type { Locale, Translate } from "@/i18n/translate";

type PortfolioDeadlines = Awaited<ReturnType<typeof getPortfolioDeadlines>>;

// The consultant's cross-organization view of what is due next.
export function PortfolioDeadlines({ data, t, locale }: { data: PortfolioDeadlines; t: Translate; locale: Locale }) {
  return (
    <section className="space-y-3 rounded-lg bg-white p-5 shadow-sm" data-testid="portfolio-deadlines">
      <h2 className="text-lg font-semibold">{t("portfolio.deadlinesTitle")}</h2>
      <p className="text-sm text-slate-600">{t("portfolio.deadlinesIntro", { count: data.total })}</p>
      {data.deadlines.length === 0 ? (
        <p className="text-sm text-slate-500">{t("portfolio.deadlinesNone")}</p>
      ) : (
        <DeadlineTable rows={data.deadlines} t={t} locale={locale} showReasons={false} />
      )}
    </section>
  );
}
