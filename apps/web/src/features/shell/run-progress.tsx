"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Progress of a queued or running background run (re-mapping, import); the page re-reads the run
// row until it finishes, so a reload (or coming back later) shows the same state.
export function RunProgress({ state, done, total, label, testId }: { state: string; done: number; total: number; label: (percent: number) => string; testId: string }) {
  const router = useRouter();
  const active = state === "queued" || state === "running";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [active, router]);
  const percent = total > 0 ? Math.floor((done / total) * 100) : state === "done" ? 100 : 0;
  return (
    <div className="space-y-1" role="status" data-testid={testId} data-state={state}>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden>
        <div className={`h-2 ${state === "failed" ? "bg-red-600" : "bg-brand-600"} transition-all`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">{label(percent)}</p>
    </div>
  );
}
