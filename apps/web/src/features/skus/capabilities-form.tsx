"use client";

import type { ApplicabilityProfile, Capability } from "@hopquy/compliance";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { updateSkuCapabilitiesAction } from "./actions";

type Answer = "yes" | "no" | "unknown";
const toAnswer = (value: boolean | null): Answer => (value === null ? "unknown" : value ? "yes" : "no");
const fromAnswer = (answer: Answer): boolean | null => (answer === "unknown" ? null : answer === "yes");

export function CapabilitiesForm({
  organizationSlug,
  skuId,
  profile,
  questions,
  readOnly,
}: {
  organizationSlug: string;
  skuId: string;
  profile: ApplicabilityProfile;
  questions: { key: Capability; label: string; condition: number | null }[];
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [saved, setSaved] = useState(false);
  const [answers, setAnswers] = useState(() => Object.fromEntries(questions.map((q) => [q.key, toAnswer(profile[q.key])])) as Record<Capability, Answer>);
  const unanswered = Object.values(answers).filter((a) => a === "unknown").length;
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const capabilities = Object.fromEntries(questions.map((q) => [q.key, fromAnswer(answers[q.key])])) as ApplicabilityProfile;
        setSaved(false);
        run(
          () => updateSkuCapabilitiesAction(organizationSlug, { skuId, capabilities }),
          () => {
            setSaved(true);
            router.refresh();
          },
        );
      }}
    >
      <p className="text-sm text-slate-600">{t("skus.capabilitiesHelp")}</p>
      <p className="text-sm font-medium text-amber-800" data-testid="unanswered">{t("skus.unanswered", { count: unanswered })}</p>
      <table className="w-full text-sm">
        <tbody>
          {questions.map((question) => (
            <tr key={question.key} className="border-t border-slate-100">
              <td className="py-2 pr-4">
                {question.label}
                {question.condition ? <span className="ml-2 text-xs text-slate-500">ETSI C({question.condition})</span> : null}
              </td>
              <td className="py-2">
                <fieldset className="flex gap-3" aria-label={question.label} disabled={readOnly || pending}>
                  {(["yes", "no", "unknown"] as const).map((answer) => (
                    <label key={answer} className="flex items-center gap-1">
                      <input
                        type="radio"
                        name={question.key}
                        value={answer}
                        checked={answers[question.key] === answer}
                        onChange={() => {
                          setSaved(false);
                          setAnswers((current) => ({ ...current, [question.key]: answer }));
                        }}
                      />
                      {t(`skus.${answer}`)}
                    </label>
                  ))}
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={error} />
      {saved ? <p role="status" className="text-sm text-green-700">{t("settings.saved")}</p> : null}
      {readOnly ? null : (
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("common.loading") : t("skus.saveCapabilities")}
        </button>
      )}
    </form>
  );
}
