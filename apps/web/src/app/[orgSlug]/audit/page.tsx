import { can, listAuditEvents } from "@hopquy/core";
import Link from "next/link";
import { notFound } from "next/navigation";
import { VerifyChainButton } from "@/features/audit/verify-chain-button";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  if (!can(ctx, "audit:read")) notFound();
  const { before } = await searchParams;
  const beforeSeq = Number.parseInt(before ?? "", 10);
  const { t, locale } = await getTranslator();
  const { events, nextBeforeSeq } = await listAuditEvents(ctx, { beforeSeq: Number.isFinite(beforeSeq) && beforeSeq > 0 ? beforeSeq : undefined });
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
        <VerifyChainButton organizationSlug={ctx.organizationSlug} />
      </div>
      <table className="w-full rounded-lg bg-white text-sm shadow-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-3">#</th>
            <th className="p-3">{t("audit.when")}</th>
            <th className="p-3">{t("audit.actor")}</th>
            <th className="p-3">{t("audit.action")}</th>
            <th className="p-3">{t("audit.target")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-t border-slate-100 align-top">
              <td className="p-3 text-slate-500">{event.seq}</td>
              <td className="p-3">{event.createdAt.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</td>
              <td className="p-3">{event.actorEmail}</td>
              <td className="p-3 font-mono">{event.action}</td>
              <td className="p-3 font-mono text-xs text-slate-600">{event.targetType}:{event.targetId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBeforeSeq ? (
        <Link className="text-sm text-brand-600 underline" href={`/${ctx.organizationSlug}/audit?before=${nextBeforeSeq}`}>
          {t("audit.older")}
        </Link>
      ) : null}
    </div>
  );
}
