"use client";

import { useState } from "react";
import { buttonClass, Field, FormError, inputClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { formFields, useAction } from "@/lib/use-action";
import { inviteMemberAction } from "./actions";

type Role = "owner" | "manager" | "contributor" | "viewer";

export function InviteForm({ organizationSlug, roles }: { organizationSlug: string; roles: Role[] }) {
  const { t } = useI18n();
  const { error, pending, run } = useAction();
  const [link, setLink] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const fields = formFields(formElement, ["email", "role"]);
          setLink(null);
          run(
            () => inviteMemberAction(organizationSlug, { email: fields.email, role: fields.role as Role }),
            (data) => {
              setLink(`${window.location.origin}${data.invitePath}`);
              formElement.reset();
            },
          );
        }}
      >
        <div className="min-w-64 flex-1">
          <Field label={t("members.email")} name="invite-email" error={error?.fieldErrors?.email}>
            <input id="invite-email" name="email" type="email" required className={inputClass} />
          </Field>
        </div>
        <Field label={t("members.role")} name="invite-role">
          <select id="invite-role" name="role" className={inputClass} defaultValue={roles.includes("contributor") ? "contributor" : roles[0]}>
            {roles.map((role) => (
              <option key={role} value={role}>{t(`roles.${role}`)}</option>
            ))}
          </select>
        </Field>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t("common.loading") : t("members.inviteSubmit")}
        </button>
      </form>
      {error && !error.fieldErrors ? <FormError error={error} /> : null}
      {link ? (
        <div className="rounded-md bg-green-50 p-3 text-sm" role="status">
          <p className="text-green-900">{t("members.inviteLink")}</p>
          <code className="mt-1 block break-all font-mono text-xs" data-testid="invite-link">{link}</code>
        </div>
      ) : null}
    </div>
  );
}
