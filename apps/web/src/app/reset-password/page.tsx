import Link from "next/link";
import { ResetPasswordForm } from "@/features/auth/password-reset-forms";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

// The token stays in the page (not checked here): validity is decided once, when the form is sent,
// so opening the link reveals nothing and does not use it up.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const { t } = await getTranslator();
  const usable = typeof token === "string" && token.length >= 20 && token.length <= 200;
  return (
    <AuthCard title={t("passwordReset.resetTitle")} intro={usable ? t("passwordReset.resetIntro") : undefined}>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-3 text-sm">
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">{t("passwordReset.missingToken")}</p>
          <Link href="/forgot-password" className="text-brand-600 hover:underline">{t("passwordReset.requestNew")}</Link>
        </div>
      )}
    </AuthCard>
  );
}
