import type { MessageKey } from "@/i18n/translate";

export const STATUS_TONE: Record<string, string> = {
  covered: "bg-green-100 text-green-800",
  not_applicable: "bg-slate-200 text-slate-700",
  partial: "bg-amber-100 text-amber-800",
  gap: "bg-red-100 text-red-800",
  in_progress: "bg-blue-100 text-blue-800",
  not_started: "bg-slate-100 text-slate-500",
};

export function AssessmentStatusBadge({ status, t }: { status: string; t: (key: MessageKey) => string }) {
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status] ?? STATUS_TONE.not_started}`} data-testid="assessment-status">
      {t(`skuCompliance.statuses.${status}` as MessageKey)}
    </span>
  );
}
