import { can, INVITABLE_ROLES, listMembers, listPendingInvitations } from "@hopquy/core";
import Link from "next/link";
import { InviteForm } from "@/features/members/invite-form";
import { MemberRowActions, RevokeInvitationButton } from "@/features/members/member-row-actions";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { ctx } = await getTenantPageContext((await params).orgSlug);
  const { cursor } = await searchParams;
  const { t, locale } = await getTranslator();
  const [{ members, nextCursor }, invitations] = await Promise.all([
    listMembers(ctx, { cursor: typeof cursor === "string" ? cursor.slice(0, 64) : undefined }),
    listPendingInvitations(ctx),
  ]);
  const canManage = can(ctx, "member:change_role");
  const canInvite = can(ctx, "member:invite");
  const dateFormat = locale === "vi" ? "vi-VN" : "en-GB";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("members.title")}</h1>
      <table className="w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm" data-testid="members-table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-3">{t("members.name")}</th>
            <th className="p-3">{t("members.email")}</th>
            <th className="p-3">{t("members.role")}</th>
            {canManage ? <th className="p-3">{t("members.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-t border-slate-100">
              <td className="p-3">{member.user.name}</td>
              <td className="p-3">{member.user.email}</td>
              <td className="p-3">{t(`roles.${member.role}`)}</td>
              {canManage ? (
                <td className="p-3">
                  {member.userId === ctx.userId ? null : (
                    <MemberRowActions organizationSlug={ctx.organizationSlug} membershipId={member.id} role={member.role} />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {nextCursor ? (
        <Link className="text-sm text-brand-600 underline" href={`/${ctx.organizationSlug}/members?cursor=${nextCursor}`}>
          {t("common.next")}
        </Link>
      ) : null}
      {canInvite ? (
        <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t("members.invite")}</h2>
          <InviteForm organizationSlug={ctx.organizationSlug} roles={[...INVITABLE_ROLES[ctx.role]]} />
        </section>
      ) : null}
      <section className="space-y-3">
        <h2 className="font-semibold">{t("members.pending")}</h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-500">{t("members.noPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="pending-invitations">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center justify-between gap-4 p-3 text-sm">
                <span>{invitation.email}</span>
                <span>{t(`roles.${invitation.role}`)}</span>
                <span className="text-slate-500">
                  {t("members.expires")}: {invitation.expiresAt.toLocaleDateString(dateFormat)}
                </span>
                {canInvite ? <RevokeInvitationButton organizationSlug={ctx.organizationSlug} invitationId={invitation.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
