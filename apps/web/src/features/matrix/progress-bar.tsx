import { progressPercent } from "./progress-percent";

// Covered + not applicable over all clauses; the percentage is always printed next to the bar.
export function ProgressBar({ progress, label, testId }: { progress: number; label: string; testId?: string }) {
  const percent = progressPercent(progress);
  return (
    <div className="flex items-center gap-2" data-testid={testId} data-percent={percent}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-24 shrink-0 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${percent === 100 ? "bg-green-600" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
      </div>
      <span className="w-10 text-right text-xs font-medium tabular-nums text-slate-700">{percent}%</span>
    </div>
  );
}
