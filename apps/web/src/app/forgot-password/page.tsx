import { redirect } from "next/navigation";
import { getSession } from "@/auth/session";
import { ForgotPasswordForm } from "@/features/auth/password-reset-forms";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  if (await getSession()) redirect("/");
  const { t } = await getTranslator();
  return (
    <AuthCard title={t("passwordReset.forgotTitle")} intro={t("passwordReset.forgotIntro")}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
