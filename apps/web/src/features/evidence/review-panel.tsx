"use client";

import { useRouter } from "next/navigation";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { reopenEvidenceAction, reviewEvidenceAction, submitEvidenceAction } from "./actions";

type ReviewState = "draft" | "submitted" | "accepted" | "rejected";

// The buttons a user may press in this state with their role; the services enforce the same rules.
export function ReviewPanel({
  organizationSlug,
  evidenceId,
  state,
  canSubmit,
  canReview,
  canReopen,
}: {
  organizationSlug: string;
  evidenceId: string;
  state: ReviewState;
  canSubmit: boolean;
  canReview: boolean;
  canReopen: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const refresh = () => router.refresh();
  return (
    <div className="space-y-3">
      {canSubmit && (state === "draft" || state === "rejected") ? (
        <button type="button" className={buttonClass} disabled={pending} onClick={() => run(() => submitEvidenceAction(organizationSlug, { evidenceId }), refresh)}>
          {t("evidence.submit")}
        </button>
      ) : null}
      {canReview && state === "submitted" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const decision = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "reject" ? "reject" : "accept";
            const comment = String(new FormData(form).get("comment") ?? "");
            run(() => reviewEvidenceAction(organizationSlug, { evidenceId, decision, comment }), refresh);
          }}
        >
          <label className="block flex-1 space-y-1" htmlFor="review-comment">
            <span className="text-sm font-medium text-slate-700">{t("evidence.comment")}</span>
            <input id="review-comment" name="comment" maxLength={2000} className={inputClass} />
          </label>
          <button type="submit" name="decision" value="accept" className={buttonClass} disabled={pending}>{t("evidence.accept")}</button>
          <button type="submit" name="decision" value="reject" className={secondaryButtonClass} disabled={pending}>{t("evidence.reject")}</button>
        </form>
      ) : null}
      {canReopen && state !== "draft" ? (
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => run(() => reopenEvidenceAction(organizationSlug, { evidenceId }), refresh)}>
          {t("evidence.reopen")}
        </button>
      ) : null}
      {error?.fieldErrors?.comment ? <FormError error={{ code: "VALIDATION", reason: "comment_required" }} /> : <FormError error={error} />}
    </div>
  );
}
