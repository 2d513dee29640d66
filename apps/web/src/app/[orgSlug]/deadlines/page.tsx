import { DEADLINE_STATES, listDeadlinesInput, listOrganizationDeadlines, listProductFamilies, OBLIGATION_KINDS } from "@hopquy/core";
import Link from "next/link";
import { DeadlineTable } from "@/features/deadlines/deadline-table";
import { inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

const PAGE_SIZE = 50;
const RISK_CLASSES = ["unclassified", "low", "medium", "high"] as const;
const FILTER_KEYS = ["state", "riskClass", "familyId", "kind"] as const;

export default async function DeadlinesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { t, locale } = await getTranslator();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited URL with an unknown value shows everything rather than an error page.
  const parsed = listDeadlinesInput.safeParse({ ...raw, limit: PAGE_SIZE, today: undefined, all: false });
  const input = parsed.success ? parsed.data : listDeadlinesInput.parse({ limit: PAGE_SIZE });
  const [result, families] = await Promise.all([listOrganizationDeadlines(ctx, input), listProductFamilies(ctx)]);
  const base = `/${ctx.organizationSlug}/deadlines`;
  const filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (input[k] ? [[k, String(input[k])]] : [])));
  const href = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...filters, ...extra })}`;
  const csvHref = `/api/orgs/${ctx.organizationSlug}/deadlines?${new URLSearchParams(filters)}`;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("deadlines.title")}</h1>
        <p className="text-sm text-slate-600">{t("deadlines.intro")}</p>
      </header>

      <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("deadlines.state")}>
        <Link href={`${base}?${new URLSearchParams({ ...filters, state: "" })}`} className={`rounded px-2 py-1 ${!input.state ? "bg-brand-600 text-white" : "bg-white shadow-sm"}`}>
          {t("deadlines.allStates")}
        </Link>
        {DEADLINE_STATES.map((state) => (
          <Link key={state} href={href({ state })} data-testid={`state-tab-${state}`} className={`rounded px-2 py-1 ${input.state === state ? "bg-brand-600 text-white" : "bg-white shadow-sm"}`}>
            {t(`obligations.states.${state}`)} ({result.stateCounts[state]})
          </Link>
        ))}
      </nav>

      <form className="flex flex-wrap items-end gap-3 text-sm" method="get" action={base}>
        {input.state ? <input type="hidden" name="state" value={input.state} /> : null}
        <label className="space-y-1">
          <span className="block text-slate-600">{t("deadlines.riskClass")}</span>
          <select name="riskClass" defaultValue={input.riskClass ?? ""} className={inputClass}>
            <option value="">{t("deadlines.allClasses")}</option>
            {RISK_CLASSES.map((c) => <option key={c} value={c}>{t(`riskClasses.${c}`)}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-slate-600">{t("deadlines.obligation")}</span>
          <select name="kind" defaultValue={input.kind ?? ""} className={inputClass}>
            <option value="">{t("deadlines.allKinds")}</option>
            {OBLIGATION_KINDS.map((k) => <option key={k} value={k}>{t(`obligations.kinds.${k}`, { version: "" })}</option>)}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-slate-600">{t("skus.family")}</span>
          <select name="familyId" defaultValue={input.familyId ?? ""} className={inputClass}>
            <option value="">{t("deadlines.allFamilies")}</option>
            {families.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </label>
        <button type="submit" className={secondaryButtonClass}>{t("deadlines.filter")}</button>
        <a href={csvHref} className={secondaryButtonClass} data-testid="deadlines-csv">{t("deadlines.exportCsv")}</a>
      </form>

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <p className="mb-3 text-sm text-slate-600" data-testid="deadlines-total">{t("deadlines.total", { count: result.total })}</p>
        {result.deadlines.length === 0 ? (
          <p className="text-sm text-slate-500">{t("deadlines.empty")}</p>
        ) : (
          <DeadlineTable rows={result.deadlines} organizationSlug={ctx.organizationSlug} t={t} locale={locale} />
        )}
        {result.pageCount > 1 ? (
          <nav className="mt-4 flex items-center gap-4 text-sm">
            {result.page > 1 ? <Link className="text-brand-600 underline" href={href({ page: String(result.page - 1) })}>{t("common.previous")}</Link> : null}
            <span>{t("deadlines.pageOf", { page: result.page, pages: result.pageCount })}</span>
            {result.page < result.pageCount ? <Link className="text-brand-600 underline" href={href({ page: String(result.page + 1) })}>{t("common.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
