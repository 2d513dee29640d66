"use client";

import { useRouter } from "next/navigation";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { startOrganizationRemapAction } from "./actions";

export function StartRemapForm({ organizationSlug, canApply, busy }: { organizationSlug: string; canApply: boolean; busy: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const mode = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "apply" ? "apply" : "preview";
        const retestBefore = String(new FormData(event.currentTarget).get("retestBefore") ?? "");
        run(() => startOrganizationRemapAction(organizationSlug, { mode, retestBefore }), () => router.refresh());
      }}
    >
      <label className="block space-y-1" htmlFor="remap-retestBefore">
        <span className="text-sm font-medium text-slate-700">{t("remap.retestBefore")}</span>
        <input id="remap-retestBefore" name="retestBefore" type="date" className={inputClass} />
      </label>
      <button type="submit" name="mode" value="preview" className={secondaryButtonClass} disabled={pending || busy}>{t("remap.startPreview")}</button>
      {canApply ? <button type="submit" name="mode" value="apply" className={buttonClass} disabled={pending || busy}>{t("remap.startApply")}</button> : null}
      <div className="w-full"><FormError error={error} /></div>
    </form>
  );
}
