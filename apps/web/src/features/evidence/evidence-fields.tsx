"use client";

import { EVIDENCE_KINDS } from "@hopquy/core/evidence/evidence-input";
import { useState } from "react";
import { Field, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { MessageKey } from "@/i18n/translate";

export interface EvidenceFieldValues {
  kind: string;
  title: string;
  issuer: string | null;
  reportNumber: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  firmwareDependent: boolean;
  url: string | null;
  statementText: string | null;
}

// The metadata inputs shared by the create and edit forms; the kind decides which content field shows.
export function EvidenceFields({ initial, fieldErrors, onKindChange }: { initial?: EvidenceFieldValues; fieldErrors?: Record<string, string[]>; onKindChange?: (kind: string) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState(initial?.kind ?? "lab_test_report");
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <Field label={t("evidence.kind")} name="evidence-kind" error={fieldErrors?.kind}>
        <select
          id="evidence-kind"
          name="kind"
          className={inputClass}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            onKindChange?.(e.target.value);
          }}
        >
          {EVIDENCE_KINDS.map((k) => (
            <option key={k} value={k}>{t(`evidence.kinds.${k}` as MessageKey)}</option>
          ))}
        </select>
      </Field>
      <Field label={t("evidence.titleField")} name="evidence-title" error={fieldErrors?.title}>
        <input id="evidence-title" name="title" required maxLength={200} defaultValue={initial?.title} className={inputClass} />
      </Field>
      <Field label={t("evidence.issuer")} name="evidence-issuer" error={fieldErrors?.issuer}>
        <input id="evidence-issuer" name="issuer" maxLength={200} defaultValue={initial?.issuer ?? ""} className={inputClass} />
      </Field>
      <Field label={t("evidence.reportNumber")} name="evidence-reportNumber" error={fieldErrors?.reportNumber}>
        <input id="evidence-reportNumber" name="reportNumber" maxLength={100} defaultValue={initial?.reportNumber ?? ""} className={inputClass} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t("evidence.effectiveDate")} name="evidence-effectiveDate" error={fieldErrors?.effectiveDate}>
          <input id="evidence-effectiveDate" name="effectiveDate" type="date" defaultValue={initial?.effectiveDate ?? ""} className={inputClass} />
        </Field>
        <Field label={t("evidence.expiryDate")} name="evidence-expiryDate" error={fieldErrors?.expiryDate}>
          <input id="evidence-expiryDate" name="expiryDate" type="date" defaultValue={initial?.expiryDate ?? ""} className={inputClass} />
        </Field>
      </div>
      {kind === "link" ? (
        <Field label={t("evidence.url")} name="evidence-url" error={fieldErrors?.url}>
          <input id="evidence-url" name="url" type="url" required defaultValue={initial?.url ?? ""} className={inputClass} />
        </Field>
      ) : null}
      {kind === "statement" ? (
        <div className="md:col-span-2">
          <Field label={t("evidence.statementText")} name="evidence-statementText" error={fieldErrors?.statementText}>
            <textarea id="evidence-statementText" name="statementText" required rows={4} defaultValue={initial?.statementText ?? ""} className={inputClass} />
          </Field>
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm md:col-span-2">
        <input id="evidence-firmwareDependent" name="firmwareDependent" type="checkbox" defaultChecked={initial?.firmwareDependent} />
        {t("evidence.firmwareDependent")}
      </label>
    </div>
  );
}

export function readEvidenceFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    kind: text("kind") as (typeof EVIDENCE_KINDS)[number],
    title: text("title"),
    issuer: text("issuer"),
    reportNumber: text("reportNumber"),
    effectiveDate: text("effectiveDate"),
    expiryDate: text("expiryDate"),
    firmwareDependent: data.get("firmwareDependent") === "on",
    url: text("url"),
    statementText: text("statementText"),
  };
}
