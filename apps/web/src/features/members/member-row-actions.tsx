"use client";

import { useRouter } from "next/navigation";
import { ActionButton } from "@/features/shell/action-button";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { useAction } from "@/lib/use-action";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";

type Role = "owner" | "manager" | "contributor" | "viewer";
const ROLES: Role[] = ["owner", "manager", "contributor", "viewer"];

export function MemberRowActions({ organizationSlug, membershipId, role }: { organizationSlug: string; membershipId: string; role: Role }) {
  const { t } = useI18n();
  const router = useRouter();
  const { error, pending, run } = useAction();
  const refresh = () => router.refresh();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={t("members.role")}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
        defaultValue={role}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Role;
          run(() => changeMemberRoleAction(organizationSlug, { membershipId, role: next }), refresh);
        }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>{t(`roles.${r}`)}</option>
        ))}
      </select>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("members.confirmRemove"))) return;
          run(() => removeMemberAction(organizationSlug, { membershipId }), refresh);
        }}
      >
        {t("members.remove")}
      </button>
      <FormError error={error} />
    </div>
  );
}

export function RevokeInvitationButton({ organizationSlug, invitationId }: { organizationSlug: string; invitationId: string }) {
  const { t } = useI18n();
  return <ActionButton label={t("members.revoke")} action={() => revokeInvitationAction(organizationSlug, { invitationId })} />;
}
