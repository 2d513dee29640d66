"use client";

import { useRouter } from "next/navigation";
import { buttonClass, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { linkEvidenceToClauseAction, linkEvidenceToSkuAction } from "./actions";

export interface CatalogClauseOptions {
  label: string;
  clauses: { id: string; label: string }[];
}

// Clauses of every published catalog (QCVN 11 first), grouped by catalog version.
export function ClauseLinkForm({ organizationSlug, evidenceId, catalogs }: { organizationSlug: string; evidenceId: string; catalogs: CatalogClauseOptions[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        run(
          () => linkEvidenceToClauseAction(organizationSlug, { evidenceId, clauseId: String(data.get("clauseId")), note: String(data.get("note") ?? "") }),
          () => {
            form.reset();
            router.refresh();
          },
        );
      }}
    >
      <label className="block min-w-72 flex-1 space-y-1" htmlFor="link-clauseId">
        <span className="text-sm font-medium text-slate-700">{t("evidence.clause")}</span>
        <select id="link-clauseId" name="clauseId" required className={inputClass}>
          {catalogs.map((catalog) => (
            <optgroup key={catalog.label} label={catalog.label}>
              {catalog.clauses.map((clause) => (
                <option key={clause.id} value={clause.id}>{clause.label}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="block space-y-1" htmlFor="link-clause-note">
        <span className="text-sm font-medium text-slate-700">{t("evidence.note")}</span>
        <input id="link-clause-note" name="note" maxLength={1000} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass} disabled={pending}>{t("evidence.addClause")}</button>
      <div className="w-full"><FormError error={error} /></div>
    </form>
  );
}

export interface SkuOption {
  id: string;
  label: string;
  firmware: { id: string; version: string }[];
}

export function SkuLinkForm({ organizationSlug, evidenceId, skus }: { organizationSlug: string; evidenceId: string; skus: SkuOption[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const [skuId, firmwareVersionId] = String(data.get("scope") ?? "").split("|");
        run(
          () => linkEvidenceToSkuAction(organizationSlug, { evidenceId, skuId: skuId ?? "", firmwareVersionId: firmwareVersionId ?? "", note: String(data.get("note") ?? "") }),
          () => {
            form.reset();
            router.refresh();
          },
        );
      }}
    >
      <label className="block min-w-72 flex-1 space-y-1" htmlFor="link-sku-scope">
        <span className="text-sm font-medium text-slate-700">{t("evidence.addSku")}</span>
        <select id="link-sku-scope" name="scope" required className={inputClass}>
          {skus.map((sku) => (
            <optgroup key={sku.id} label={sku.label}>
              <option value={`${sku.id}|`}>{sku.label} · {t("evidence.allFirmware")}</option>
              {sku.firmware.map((f) => (
                <option key={f.id} value={`${sku.id}|${f.id}`}>{sku.label} · {f.version}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="block space-y-1" htmlFor="link-sku-note">
        <span className="text-sm font-medium text-slate-700">{t("evidence.note")}</span>
        <input id="link-sku-note" name="note" maxLength={1000} className={inputClass} />
      </label>
      <button type="submit" className={buttonClass} disabled={pending || skus.length === 0}>{t("evidence.addSku")}</button>
      <div className="w-full"><FormError error={error} /></div>
    </form>
  );
}
