import Link from "next/link";
import { LanguageSwitch } from "@/features/shell/language-switch";
import { SignOutButton } from "@/features/shell/sign-out-buttons";
import type { Translate } from "@/i18n/translate";

// The portfolio lives outside any organization, so it has no sidebar: this bar leads back to each
// organization's dashboard.
export function PortfolioHeader({
  organizations,
  user,
  t,
}: {
  organizations: { slug: string; name: string }[];
  user: { name: string; email: string };
  t: Translate;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-3">
        <div>
          <p className="text-lg font-bold text-brand-600">HopQuy</p>
          <p className="text-xs text-slate-500">{t("app.tagline")}</p>
        </div>
        {organizations.length > 0 ? (
          <nav aria-label={t("portfolio.organizations")} className="flex flex-1 flex-wrap gap-1" data-testid="portfolio-nav">
            {organizations.map((org) => (
              <Link key={org.slug} href={`/${org.slug}`} className="rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
                {org.name}
              </Link>
            ))}
          </nav>
        ) : (
          <div className="flex-1" />
        )}
        <div className="flex items-center gap-4 text-sm">
          <span className="truncate text-slate-600" title={user.email}>
            {user.name}
          </span>
          <LanguageSwitch />
          <SignOutButton label={t("common.signOut")} />
        </div>
      </div>
    </header>
  );
}
