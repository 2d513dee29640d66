"use client";

import type { DECLARATION_ROUTES } from "@hopquy/core";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { recordDeclarationAction } from "./actions";

const FIELDS = ["firmwareVersionId", "route", "filedOn", "authority", "channel", "receiptNumber", "certificationBody", "certificateNumber", "note"] as const;
type Route = (typeof DECLARATION_ROUTES)[number];
const ROUTES = ["self_assessment", "certification"] as const satisfies readonly Route[];

// Records a declaration filed with the authority (on paper, the public service portal…).
export function DeclarationForm({ organizationSlug, skuId, firmware, today }: { organizationSlug: string; skuId: string; firmware: { id: string; version: string }[]; today: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [route, setRoute] = useState<Route>("self_assessment");
  const fieldError = (name: string) => error?.fieldErrors?.[name];
  const text = (name: (typeof FIELDS)[number], maxLength: number, required = false) => (
    <Field label={t(`declarations.${name}` as "declarations.authority")} name={`declaration-${name}`} error={fieldError(name)}>
      <input id={`declaration-${name}`} name={name} maxLength={maxLength} required={required} className={inputClass} />
    </Field>
  );
  return (
    <form
      className="grid grid-cols-1 gap-3 md:grid-cols-3"
      data-testid="declaration-form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const raw = formFields(form, FIELDS);
        run(() => recordDeclarationAction(organizationSlug, { ...raw, skuId, route: raw.route as Route }), () => {
          form.reset();
          setRoute("self_assessment");
          router.refresh();
        });
      }}
    >
      <Field label={t("declarations.route")} name="declaration-route" error={fieldError("route")}>
        <select id="declaration-route" name="route" value={route} onChange={(event) => setRoute(event.target.value as Route)} className={inputClass}>
          {ROUTES.map((r) => (
            <option key={r} value={r}>{t(`declarations.routes.${r}`)}</option>
          ))}
        </select>
      </Field>
      <Field label={t("declarations.filedOn")} name="declaration-filedOn" error={fieldError("filedOn")}>
        <input id="declaration-filedOn" name="filedOn" type="date" required max={today} defaultValue={today} className={inputClass} />
      </Field>
      <Field label={t("declarations.firmware")} name="declaration-firmwareVersionId" error={fieldError("firmwareVersionId")}>
        <select id="declaration-firmwareVersionId" name="firmwareVersionId" defaultValue="" className={inputClass}>
          <option value="">{t("declarations.anyFirmware")}</option>
          {firmware.map((f) => (
            <option key={f.id} value={f.id}>{f.version}</option>
          ))}
        </select>
      </Field>
      {text("authority", 200)}
      {text("channel", 120)}
      {text("receiptNumber", 120)}
      {route === "certification" ? text("certificationBody", 200, true) : null}
      {route === "certification" ? text("certificateNumber", 120) : null}
      <div className="md:col-span-3">
        <Field label={t("declarations.note")} name="declaration-note" error={fieldError("note")}>
          <textarea id="declaration-note" name="note" rows={2} maxLength={2000} className={inputClass} />
        </Field>
      </div>
      <div className="space-y-2 md:col-span-3">
        {error && !error.fieldErrors ? <FormError error={error} /> : null}
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("common.loading") : t("declarations.recordSubmit")}
        </button>
      </div>
    </form>
  );
}
