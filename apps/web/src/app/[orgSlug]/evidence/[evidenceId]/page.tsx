import { can, FILELESS_KINDS, getEvidence, isoToday, listClauseChoices, listSkus, TARGET_REGULATION } from "@hopquy/core";
import Link from "next/link";
import { unlinkEvidenceFromClauseAction, unlinkEvidenceFromSkuAction } from "@/features/evidence/actions";
import { EditEvidenceForm } from "@/features/evidence/edit-evidence-form";
import { ClauseLinkForm, SkuLinkForm } from "@/features/evidence/link-forms";
import { ReviewPanel } from "@/features/evidence/review-panel";
import { EvidenceStateBadge } from "@/features/evidence/state-badge";
import { UploadRevisionForm } from "@/features/evidence/upload-revision-form";
import { VerifyButton } from "@/features/evidence/verify-button";
import { ActionButton } from "@/features/shell/action-button";
import { inputClass, secondaryButtonClass } from "@/features/shell/control-styles";
import { getTranslator } from "@/i18n/get-locale";
import { localized } from "@/i18n/localized";
import type { MessageKey } from "@/i18n/translate";
import { loadOrNotFound } from "@/lib/load-or-not-found";
import { getTenantPageContext } from "@/lib/tenant-page";
import { formatDateTime, formatDay } from "@/i18n/format-date";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export default async function EvidenceDetailPage({ params, searchParams }: { params: Promise<{ orgSlug: string; evidenceId: string }>; searchParams: Promise<{ sku?: string }> }) {
  const { orgSlug, evidenceId } = await params;
  const { ctx } = await getTenantPageContext(orgSlug);
  const { t, locale } = await getTranslator();
  const skuSearch = (await searchParams).sku?.slice(0, 100) || undefined;
  const evidence = await loadOrNotFound(() => getEvidence(ctx, evidenceId));
  const editable = can(ctx, "evidence:update");
  const [catalogs, { skus }] = editable
    ? await Promise.all([listClauseChoices(), listSkus(ctx, { limit: 50, search: skuSearch, withFirmware: true })])
    : [[], { skus: [] }];
  const base = `/${ctx.organizationSlug}`;
  const dateTime = (date: Date) => formatDateTime(locale, date);
  const day = (date: Date | null) => formatDay(locale, date);
  const expired = evidence.expiryDate !== null && isoDay(evidence.expiryDate)! < isoToday();
  const fileless = FILELESS_KINDS.includes(evidence.kind);
  const catalogLabel = (v: { regulation: string; version: string; revision: number }) => `${v.regulation} ${v.version} (r${v.revision})`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <Link href={`${base}/evidence`} className="text-sm text-brand-600 underline">← {t("evidence.title")}</Link>
        <h1 className="text-2xl font-bold" data-testid="evidence-title">{evidence.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <EvidenceStateBadge state={evidence.reviewState} t={t} />
          <span>{t(`evidence.kinds.${evidence.kind}` as MessageKey)}</span>
          {evidence.issuer ? <span>· {evidence.issuer}</span> : null}
          {evidence.reportNumber ? <span>· {t("evidence.reportNumber")}: {evidence.reportNumber}</span> : null}
          <span>· {t("evidence.effectiveDate")}: {day(evidence.effectiveDate)}</span>
          <span className={expired ? "font-semibold text-red-700" : ""}>· {t("evidence.expiryDate")}: {day(evidence.expiryDate)}{expired ? ` (${t("evidence.expired")})` : ""}</span>
          {evidence.firmwareDependent ? <span>· {t("evidence.firmwareDependent")}</span> : null}
        </p>
        <p className="text-xs text-slate-500">{t("evidence.createdBy", { email: evidence.createdByEmail })} · {dateTime(evidence.createdAt)}</p>
        {evidence.url ? <p className="text-sm"><a href={evidence.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-600 underline">{evidence.url}</a></p> : null}
        {evidence.statementText ? <p className="whitespace-pre-wrap rounded bg-white p-3 text-sm shadow-sm">{evidence.statementText}</p> : null}
      </header>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="review-heading">
        <h2 id="review-heading" className="font-semibold">{t("evidence.review")}</h2>
        <p className="text-xs text-slate-500">{t("evidence.reviewHelp")}</p>
        {evidence.reviewedAt ? (
          <p className="text-sm">
            {t("evidence.reviewedBy", { email: evidence.reviewedByEmail ?? "", date: dateTime(evidence.reviewedAt) })}
            {evidence.reviewComment ? <span className="block italic text-slate-700">“{evidence.reviewComment}”</span> : null}
          </p>
        ) : null}
        <ReviewPanel
          organizationSlug={ctx.organizationSlug}
          evidenceId={evidence.id}
          state={evidence.reviewState}
          canSubmit={can(ctx, "evidence:submit")}
          canReview={can(ctx, "evidence:review")}
          canReopen={editable}
        />
      </section>

      {!fileless ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("evidence.revisions")}</h2>
          {evidence.revisions.length === 0 ? (
            <p className="text-sm text-slate-500">{t("evidence.noFiles")}</p>
          ) : (
            <table className="w-full text-sm" data-testid="revision-table">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2">#</th>
                  <th className="py-2">{t("evidence.file")}</th>
                  <th className="py-2">{t("evidence.sha256")}</th>
                  <th className="py-2">{t("evidence.uploadedBy")}</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody>
                {evidence.revisions.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100 align-top">
                    <td className="py-2">{t("evidence.revision", { number: r.number })}</td>
                    <td className="py-2">
                      <a href={`/api/orgs/${ctx.organizationSlug}/evidence/revisions/${r.id}`} className="text-brand-600 underline" download>{r.fileName}</a>
                      <span className="block text-xs text-slate-500">{r.mediaType} · {formatBytes(r.sizeBytes)}</span>
                    </td>
                    <td className="py-2 font-mono text-xs break-all" data-testid="revision-sha256">{r.sha256}</td>
                    <td className="py-2 text-xs">{r.uploadedByEmail}<span className="block text-slate-500">{dateTime(r.createdAt)}</span></td>
                    <td className="py-2"><VerifyButton organizationSlug={ctx.organizationSlug} revisionId={r.id} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {editable ? <UploadRevisionForm organizationSlug={ctx.organizationSlug} evidenceId={evidence.id} /> : null}
        </section>
      ) : null}

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("evidence.linkedClauses")}</h2>
        {evidence.clauseLinks.length === 0 ? (
          <p className="text-sm text-slate-500">{t("evidence.noClauses")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="clause-links">
            {evidence.clauseLinks.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="text-xs text-slate-500">{catalogLabel(link.clause.catalogVersion)}</span>{" "}
                  <Link href={`${base}/catalogs/clauses/${link.clause.id}`} className="font-mono text-brand-600 hover:underline">{link.clause.code}</Link>{" "}
                  {localized(locale, link.clause.titleVi, link.clause.titleEn)}
                  {link.note ? <span className="block text-xs italic text-slate-600">{link.note}</span> : null}
                </span>
                {editable ? <ActionButton label={t("evidence.unlink")} action={unlinkEvidenceFromClauseAction.bind(null, ctx.organizationSlug, { linkId: link.id })} /> : null}
              </li>
            ))}
          </ul>
        )}
        {editable ? (
          <ClauseLinkForm
            organizationSlug={ctx.organizationSlug}
            evidenceId={evidence.id}
            catalogs={catalogs.map((c) => ({
              label: `${c.version.regulation === TARGET_REGULATION ? "★ " : ""}${catalogLabel(c.version)}`,
              clauses: c.clauses.map((clause) => ({ id: clause.id, label: `${clause.code} ${localized(locale, clause.titleVi, clause.titleEn)}`.slice(0, 140) })),
            }))}
          />
        ) : null}
      </section>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t("evidence.linkedSkus")}</h2>
        {evidence.skuLinks.length === 0 ? (
          <p className="text-sm text-slate-500">{t("evidence.noSkus")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="sku-links">
            {evidence.skuLinks.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link href={`${base}/skus/${link.sku.id}`} className="font-mono text-brand-600 hover:underline">
                    {link.sku.modelCode}{link.sku.hardwareRevision ? ` rev ${link.sku.hardwareRevision}` : ""}
                  </Link>{" "}
                  · {link.firmwareVersion ? `${t("evidence.firmware")} ${link.firmwareVersion.version}` : t("evidence.allFirmware")}
                  {link.note ? <span className="block text-xs italic text-slate-600">{link.note}</span> : null}
                </span>
                {editable ? <ActionButton label={t("evidence.unlink")} action={unlinkEvidenceFromSkuAction.bind(null, ctx.organizationSlug, { linkId: link.id })} /> : null}
              </li>
            ))}
          </ul>
        )}
        {editable ? (
          <div className="space-y-2">
            <form className="flex flex-wrap items-center gap-2" action={`${base}/evidence/${evidence.id}`}>
              <input name="sku" defaultValue={skuSearch} placeholder={t("evidence.findSku")} aria-label={t("evidence.findSku")} className={`${inputClass} max-w-xs`} />
              <button type="submit" className={secondaryButtonClass}>{t("evidence.filter")}</button>
            </form>
            <SkuLinkForm
              organizationSlug={ctx.organizationSlug}
              evidenceId={evidence.id}
              skus={skus.map((s) => ({ id: s.id, label: `${s.modelCode}${s.hardwareRevision ? ` rev ${s.hardwareRevision}` : ""}`, firmware: s.firmwareVersions ?? [] }))}
            />
          </div>
        ) : null}
      </section>

      {editable ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("evidence.edit")}</h2>
          {evidence.reviewState === "draft" || evidence.reviewState === "rejected" ? (
            <EditEvidenceForm
              organizationSlug={ctx.organizationSlug}
              evidenceId={evidence.id}
              initial={{
                kind: evidence.kind,
                title: evidence.title,
                issuer: evidence.issuer,
                reportNumber: evidence.reportNumber,
                effectiveDate: isoDay(evidence.effectiveDate),
                expiryDate: isoDay(evidence.expiryDate),
                firmwareDependent: evidence.firmwareDependent,
                url: evidence.url,
                statementText: evidence.statementText,
              }}
            />
          ) : (
            <p className="text-sm text-slate-500">{t("evidence.lockedNote")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
