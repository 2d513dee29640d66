"use client";

import { RunProgress } from "@/features/shell/run-progress";
import { useI18n } from "@/i18n/i18n-provider";

export function RemapRunProgress({ state, done, total }: { state: string; done: number; total: number }) {
  const { t } = useI18n();
  return <RunProgress state={state} done={done} total={total} testId="remap-progress" label={(percent) => `${t(`remap.states.${state as "queued"}`)} · ${t("remap.progress", { done, total, percent })}`} />;
}
