import { listSkuHistory, type TenantContext } from "@hopquy/core";
import Link from "next/link";
import type { Locale, Translate } from "@/i18n/translate";
import { formatDateTime } from "@/i18n/format-date";

// The SKU's own audit trail, newest first, paginated by sequence number.
export async function SkuHistorySection({ ctx, skuId, beforeSeq, t, locale }: { ctx: TenantContext; skuId: string; beforeSeq?: number; t: Translate; locale: Locale }) {
  const { events, nextBeforeSeq } = await listSkuHistory(ctx, { skuId, beforeSeq });
  const dateTime = (date: Date) => formatDateTime(locale, date);
  return (
    <section id="history" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-semibold">{t("skuCompliance.history")}</h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-500">{t("skuCompliance.noHistory")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm" data-testid="sku-history">
          {events.map((event) => (
            <li key={event.seq} className="flex flex-wrap gap-x-3 py-2">
              <span className="text-xs text-slate-500">{dateTime(event.createdAt)}</span>
              <span className="font-mono text-xs">{event.action}</span>
              <span className="text-xs text-slate-600">{event.actorEmail ?? "system"}</span>
              {event.after ? <code className="block w-full truncate text-xs text-slate-500">{JSON.stringify(event.after)}</code> : null}
            </li>
          ))}
        </ol>
      )}
      {nextBeforeSeq ? <Link href={`?historyBefore=${nextBeforeSeq}#history`} className="text-sm text-brand-600 underline">{t("skuCompliance.older")}</Link> : null}
    </section>
  );
}
