import { describeInvitation, isAppError } from "@hopquy/core";
import Link from "next/link";
import { getSession } from "@/auth/session";
import { AcceptInvitationButton, SignUpWithInvitationForm } from "@/features/auth/invitation-forms";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getTranslator();
  let invitation: Awaited<ReturnType<typeof describeInvitation>>;
  try {
    invitation = await describeInvitation(token);
  } catch (error) {
    const expired = isAppError(error) && error.code === "EXPIRED";
    if (!isAppError(error) && !(error instanceof Error && error.name === "ZodError")) throw error;
    return (
      <AuthCard title={t("signIn.title")}>
        <p role="alert" className="text-sm text-red-800">{expired ? t("invite.expired") : t("invite.invalid")}</p>
      </AuthCard>
    );
  }
  const user = await getSession();
  const title = t("invite.title", { organization: invitation.organizationName });
  const intro = t("invite.body", { role: t(`roles.${invitation.role}`), email: invitation.email });
  if (user && user.email === invitation.email) {
    return (
      <AuthCard title={title} intro={intro}>
        <AcceptInvitationButton token={token} />
      </AuthCard>
    );
  }
  if (invitation.accountExists) {
    return (
      <AuthCard title={title} intro={intro}>
        <p className="text-sm text-slate-700">{t("invite.signInFirst")}</p>
        <Link className="text-sm font-semibold text-brand-600 underline" href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}>
          {t("signIn.submit")}
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} intro={intro}>
      <SignUpWithInvitationForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
