"use client";

import type { RISK_CLASSES } from "@hopquy/core";
import { useRouter } from "next/navigation";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { createSkuAction, updateSkuAction } from "./actions";

const FIELDS = ["modelCode", "hardwareRevision", "brand", "manufacturer", "importer", "countryOfOrigin", "hsCode", "description", "familyId", "riskClass"] as const;
type RiskClass = (typeof RISK_CLASSES)[number];
const RISK_CLASS_OPTIONS = ["unclassified", "low", "medium", "high"] as const satisfies readonly RiskClass[];
type SkuValues = Partial<Record<(typeof FIELDS)[number], string | null>>;

// One form to create a SKU and to edit one.
export function SkuForm({ organizationSlug, families, sku }: { organizationSlug: string; families: { id: string; name: string }[]; sku?: SkuValues & { id: string } }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const fieldError = (name: string) => error?.fieldErrors?.[name];
  const text = (name: (typeof FIELDS)[number], label: string, required = false) => (
    <Field label={label} name={`sku-${name}`} error={fieldError(name)}>
      <input id={`sku-${name}`} name={name} required={required} defaultValue={sku?.[name] ?? ""} className={inputClass} />
    </Field>
  );
  return (
    <form
      className="grid grid-cols-1 gap-4 md:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        // The select offers only valid classes; the server's schema checks it again.
        const raw = formFields(event.currentTarget, FIELDS);
        const fields = { ...raw, riskClass: raw.riskClass as RiskClass };
        if (sku) run(() => updateSkuAction(organizationSlug, { skuId: sku.id, ...fields }), () => router.refresh());
        else run(() => createSkuAction(organizationSlug, fields), (data) => router.push(`/${organizationSlug}/skus/${data.skuId}`));
      }}
    >
      {text("modelCode", t("skus.modelCode"), true)}
      {text("hardwareRevision", t("skus.hardwareRevision"))}
      {text("brand", t("skus.brand"), true)}
      {text("manufacturer", t("skus.manufacturer"), true)}
      {text("importer", t("skus.importer"))}
      {text("countryOfOrigin", t("skus.countryOfOrigin"), true)}
      {text("hsCode", t("skus.hsCode"))}
      <Field label={t("skus.family")} name="sku-familyId" error={fieldError("familyId")}>
        <select id="sku-familyId" name="familyId" defaultValue={sku?.familyId ?? ""} className={inputClass}>
          <option value="">{t("skus.noFamily")}</option>
          {families.map((family) => (
            <option key={family.id} value={family.id}>{family.name}</option>
          ))}
        </select>
      </Field>
      <Field label={t("skuImport.riskClass")} name="sku-riskClass" error={fieldError("riskClass")}>
        <select id="sku-riskClass" name="riskClass" defaultValue={sku?.riskClass ?? "unclassified"} className={inputClass}>
          {RISK_CLASS_OPTIONS.map((riskClass) => (
            <option key={riskClass} value={riskClass}>{t(`riskClasses.${riskClass}`)}</option>
          ))}
        </select>
      </Field>
      <div className="md:col-span-2">
        <Field label={t("skus.description")} name="sku-description" error={fieldError("description")}>
          <textarea id="sku-description" name="description" rows={2} defaultValue={sku?.description ?? ""} className={inputClass} />
        </Field>
      </div>
      <div className="space-y-2 md:col-span-2">
        {error && !error.fieldErrors ? <FormError error={error} /> : null}
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("common.loading") : sku ? t("common.save") : t("skus.create")}
        </button>
      </div>
    </form>
  );
}
