import type { MessageKey } from "@/i18n/translate";

const TONE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  submitted: "bg-blue-100 text-blue-800",
  accepted: "bg-green-100 text-green-800",
  rejected: "bg-red-100 text-red-800",
};

export function EvidenceStateBadge({ state, t }: { state: string; t: (key: MessageKey) => string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[state] ?? TONE.draft}`} data-testid="evidence-state">
      {t(`evidence.states.${state}` as MessageKey)}
    </span>
  );
}
