"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { ActionError } from "@/lib/action-result";
import { createEvidenceAction } from "./actions";
import { EvidenceFields, readEvidenceFields } from "./evidence-fields";
import { uploadEvidenceFile } from "./upload-file";
import { UploadProgress } from "./upload-progress";

export interface ClauseChoice {
  id: string;
  code: string;
  title: string;
}

export interface ClauseGroupChoice {
  code: string;
  title: string;
  clauses: ClauseChoice[];
}

// Creates the evidence with its SKU and QCVN 11 clause links in one action, then streams the file.
export function NewEvidenceForm({
  organizationSlug,
  skus,
  selectedSkuId,
  groups,
}: {
  organizationSlug: string;
  skus: { id: string; label: string }[];
  selectedSkuId?: string;
  groups: ClauseGroupChoice[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [kind, setKind] = useState("lab_test_report");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const takesFile = kind !== "link" && kind !== "statement";

  async function submit(form: HTMLFormElement) {
    setPending(true);
    setError(null);
    const data = new FormData(form);
    const file = data.get("file");
    const result = await createEvidenceAction(organizationSlug, {
      ...readEvidenceFields(form),
      skuId: String(data.get("skuId") ?? ""),
      clauseIds: data.getAll("clauseIds").map(String),
    });
    if (!result.ok) {
      setError(result.error);
      setPending(false);
      return;
    }
    const evidenceId = result.data.evidenceId;
    if (takesFile && file instanceof File && file.size > 0) {
      setProgress(0);
      const upload = await uploadEvidenceFile(organizationSlug, evidenceId, file, setProgress);
      if (!upload.ok) {
        setCreatedId(evidenceId);
        setError(upload.error);
        setPending(false);
        setProgress(null);
        return;
      }
    }
    router.push(`/${organizationSlug}/evidence/${evidenceId}`);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <EvidenceFields fieldErrors={error?.fieldErrors} onKindChange={setKind} />
      {takesFile ? (
        <Field label={t("evidence.file")} name="evidence-file">
          <input id="evidence-file" name="file" type="file" className={inputClass} />
          <span className="block text-xs text-slate-500">{t("evidence.fileHelp")}</span>
        </Field>
      ) : null}
      <Field label={t("evidence.forSku")} name="evidence-skuId" error={error?.fieldErrors?.skuId}>
        <select id="evidence-skuId" name="skuId" defaultValue={selectedSkuId ?? ""} className={inputClass}>
          <option value="">{t("evidence.noSku")}</option>
          {skus.map((s) => (
            <option key={s.id} value={s.id}>{s.label}</option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("evidence.clausesHelp")}</legend>
        <div className="max-h-96 space-y-2 overflow-y-auto rounded border border-slate-200 p-3">
          {groups.map((group) => (
            <div key={group.code}>
              <p className="text-xs font-semibold text-slate-500">{group.code} · {group.title}</p>
              {group.clauses.map((clause) => (
                <label key={clause.id} className="flex items-start gap-2 py-0.5 text-sm">
                  <input type="checkbox" name="clauseIds" value={clause.id} aria-label={`${clause.code} ${clause.title}`} />
                  <span><span className="font-mono">{clause.code}</span> {clause.title}</span>
                </label>
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      {progress !== null ? <UploadProgress fraction={progress} /> : null}
      {error && !error.fieldErrors ? (
        <div className="space-y-1">
          {createdId ? (
            <p className="text-sm">
              {t("evidence.uploadFailed")} <a className="text-brand-600 underline" href={`/${organizationSlug}/evidence/${createdId}`}>{t("evidence.title")}</a>
            </p>
          ) : null}
          <FormError error={error} />
        </div>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t("common.loading") : t("evidence.create")}
      </button>
    </form>
  );
}
