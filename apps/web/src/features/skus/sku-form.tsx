"use client";

import type { MARKET_STATUSES, RISK_CLASSES } from "@hopquy/core";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { createSkuAction, updateSkuAction } from "./actions";

const FIELDS = [
  "modelCode",
  "hardwareRevision",
  "brand",
  "manufacturer",
  "importer",
  "countryOfOrigin",
  "hsCode",
  "description",
  "familyId",
  "riskClass",
  "riskClassReason",
  "productCategory",
  "marketStatus",
  "onMarketSince",
  "plannedLaunchOn",
  "withdrawnOn",
] as const;
type RiskClass = (typeof RISK_CLASSES)[number];
type MarketStatus = (typeof MARKET_STATUSES)[number];
const RISK_CLASS_OPTIONS = ["unclassified", "low", "medium", "high"] as const satisfies readonly RiskClass[];
const MARKET_STATUS_OPTIONS = ["on_market", "planned", "withdrawn"] as const satisfies readonly MarketStatus[];
type SkuValues = Partial<Record<(typeof FIELDS)[number], string | null>>;

// One form to create a SKU and to edit one.
export function SkuForm({ organizationSlug, families, sku }: { organizationSlug: string; families: { id: string; name: string }[]; sku?: SkuValues & { id: string } }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  // The dates shown are the ones that mean something for the chosen status (the server keeps only those).
  const [marketStatus, setMarketStatus] = useState<MarketStatus>((sku?.marketStatus as MarketStatus | undefined) ?? "on_market");
  const fieldError = (name: string) => error?.fieldErrors?.[name];
  const text = (name: (typeof FIELDS)[number], label: string, required = false) => (
    <Field label={label} name={`sku-${name}`} error={fieldError(name)}>
      <input id={`sku-${name}`} name={name} required={required} defaultValue={sku?.[name] ?? ""} className={inputClass} />
    </Field>
  );
  const date = (name: "onMarketSince" | "plannedLaunchOn" | "withdrawnOn", required = false) => (
    <Field label={t(`skuRisk.${name}`)} name={`sku-${name}`} error={fieldError(name)}>
      <input id={`sku-${name}`} name={name} type="date" required={required} defaultValue={sku?.[name] ?? ""} className={inputClass} />
    </Field>
  );
  return (
    <form
      className="grid grid-cols-1 gap-4 md:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        // The select offers only valid classes; the server's schema checks it again.
        const raw = formFields(event.currentTarget, FIELDS);
        const fields = { ...raw, riskClass: raw.riskClass as RiskClass, marketStatus: raw.marketStatus as MarketStatus };
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
      {text("productCategory", t("skuRisk.productCategory"))}
      <Field label={t("skuRisk.manualClass")} name="sku-riskClass" error={fieldError("riskClass")}>
        <select id="sku-riskClass" name="riskClass" defaultValue={sku?.riskClass ?? "unclassified"} className={inputClass} aria-describedby="sku-riskClass-help">
          {RISK_CLASS_OPTIONS.map((riskClass) => (
            <option key={riskClass} value={riskClass}>{t(`riskClasses.${riskClass}`)}</option>
          ))}
        </select>
        <span id="sku-riskClass-help" className="block text-xs text-slate-500">{t("skuRisk.manualClassHelp")}</span>
      </Field>
      <Field label={t("skuRisk.manualReason")} name="sku-riskClassReason" error={fieldError("riskClassReason")}>
        <input id="sku-riskClassReason" name="riskClassReason" maxLength={500} defaultValue={sku?.riskClassReason ?? ""} className={inputClass} aria-describedby="sku-riskClassReason-help" />
        <span id="sku-riskClassReason-help" className="block text-xs text-slate-500">{t("skuRisk.manualReasonHelp")}</span>
      </Field>
      <Field label={t("skuRisk.marketStatus")} name="sku-marketStatus" error={fieldError("marketStatus")}>
        <select id="sku-marketStatus" name="marketStatus" value={marketStatus} onChange={(event) => setMarketStatus(event.target.value as MarketStatus)} className={inputClass}>
          {MARKET_STATUS_OPTIONS.map((status) => (
            <option key={status} value={status}>{t(`obligations.marketStatuses.${status}`)}</option>
          ))}
        </select>
      </Field>
      {marketStatus === "planned" ? date("plannedLaunchOn") : date("onMarketSince")}
      {marketStatus === "withdrawn" ? date("withdrawnOn", true) : null}
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
