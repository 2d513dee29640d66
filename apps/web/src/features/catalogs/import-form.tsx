"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";

type ImportResponse =
  | { ok: false; errors: { line: number; path: string; message: string; column?: string }[] }
  | { ok: true; kind: string; id: string; label: string; revision: number; created: boolean }
  | { error: { code: string } };

export function ImportForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        setResult(null);
        try {
          const response = await fetch("/api/admin/reference-imports", { method: "POST", body: new FormData(event.currentTarget) });
          setResult((await response.json()) as ImportResponse);
          if (response.ok) router.refresh();
        } catch {
          setResult({ error: { code: "INTERNAL" } });
        } finally {
          setPending(false);
        }
      }}
    >
      <p className="text-sm text-slate-600">{t("catalogs.importHelp")}</p>
      <div className="flex items-center gap-3">
        <input name="file" type="file" required accept=".yaml,.yml,.json,.csv" aria-label={t("catalogs.import")} className="text-sm" />
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("common.loading") : t("catalogs.importSubmit")}
        </button>
      </div>
      {result && "ok" in result && result.ok ? (
        <p role="status" className="text-sm text-green-700">
          {t(result.created ? "catalogs.importCreated" : "catalogs.importUnchanged", { label: result.label, revision: result.revision })}
        </p>
      ) : null}
      {result && "ok" in result && !result.ok ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">{t("catalogs.importErrors")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
            {result.errors.map((error, index) => (
              <li key={index}>
                {t("catalogs.line")} {error.line}: <code>{error.path}</code> — {error.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && "error" in result ? (
        <p role="alert" className="text-sm text-red-800">{t(`errors.${result.error.code}` as never)}</p>
      ) : null}
    </form>
  );
}
