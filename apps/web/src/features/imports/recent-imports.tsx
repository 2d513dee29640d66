import { listImportRuns, type ImportKindName, type TenantContext } from "@hopquy/core";
import Link from "next/link";
import { formatDateTime } from "@/i18n/format-date";
import { getTranslator } from "@/i18n/get-locale";
import type { MessageKey } from "@/i18n/translate";

// The organization's imports of one kind, newest first, a page at a time (`before` = cursor).
export async function RecentImports({ ctx, kind, before }: { ctx: TenantContext; kind: ImportKindName; before?: string }) {
  const { t, locale } = await getTranslator();
  const { runs, nextCursor } = await listImportRuns(ctx, { kind, limit: 20, before });
  return (
    <section className="space-y-2 rounded-lg bg-white p-4 shadow-sm" data-testid="import-runs">
      <h2 className="font-semibold">{t("imports.recent")}</h2>
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600">{t("imports.noRecent")}</p>
      ) : (
        <ul className="text-sm">
          {runs.map((run) => (
            <li key={run.id} className="border-t border-slate-100 py-1">
              <Link href={`/${ctx.organizationSlug}/imports/${run.id}`} className="text-brand-600 hover:underline">{run.fileName}</Link>
              {" · "}{formatDateTime(locale, run.createdAt)} · {t(`imports.states.${run.state}` as MessageKey)} · {run.rowTotal} · {run.requestedByEmail}
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? <Link href={`?before=${nextCursor}`} className="text-sm text-brand-600 underline">{t("common.next")}</Link> : null}
    </section>
  );
}
