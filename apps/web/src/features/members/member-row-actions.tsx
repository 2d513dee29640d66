"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError, secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import type { ActionError } from "@/lib/action-result";
import { changeMemberRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";

type Role = "owner" | "manager" | "contributor" | "viewer";
const ROLES: Role[] = ["owner", "manager", "contributor", "viewer"];

export function MemberRowActions({ organizationSlug, membershipId, role }: { organizationSlug: string; membershipId: string; role: Role }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const settle = (result: { ok: boolean; error?: ActionError }) => {
    if (result.ok) {
      setError(null);
      router.refresh();
    } else setError(result.error ?? null);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={t("members.role")}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
        defaultValue={role}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as Role;
          startTransition(async () => settle(await changeMemberRoleAction(organizationSlug, { membershipId, role: next })));
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
          startTransition(async () => settle(await removeMemberAction(organizationSlug, { membershipId })));
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
  const router = useRouter();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await revokeInvitationAction(organizationSlug, { invitationId });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {t("members.revoke")}
      </button>
      <FormError error={error} />
    </div>
  );
}
