"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useI18n } from "@/i18n/i18n-provider";

// Progress of a queued or running re-mapping; the page re-reads the run row until it finishes, so a
// reload (or coming back later) shows the same state.
export function RunProgress({ state, done, total }: { state: string; done: number; total: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const active = state === "queued" || state === "running";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [active, router]);
  const percent = total > 0 ? Math.floor((done / total) * 100) : state === "done" ? 100 : 0;
  return (
    <div className="space-y-1" role="status" data-testid="remap-progress" data-state={state}>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden>
        <div className={`h-2 ${state === "failed" ? "bg-red-600" : "bg-brand-600"} transition-all`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">{t(`remap.states.${state as "queued"}`)} · {t("remap.progress", { done, total, percent })}</p>
    </div>
  );
}
