import type { DeadlineState } from "@hopquy/compliance";
import type { Translate } from "@/i18n/translate";

const STYLES: Record<DeadlineState, string> = {
  overdue: "bg-red-100 text-red-800",
  due_soon: "bg-amber-100 text-amber-800",
  upcoming: "bg-sky-100 text-sky-800",
  tbd: "bg-slate-100 text-slate-700",
  met: "bg-emerald-100 text-emerald-800",
  not_required: "bg-slate-50 text-slate-500",
};

export function DeadlineStateBadge({ state, t }: { state: DeadlineState; t: Translate }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[state]}`} data-state={state}>
      {t(`obligations.states.${state}`)}
    </span>
  );
}
