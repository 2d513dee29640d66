import { isInstanceEmpty } from "@hopquy/core";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/auth/session";
import { SignInForm } from "@/features/auth/sign-in-form";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await isInstanceEmpty()) redirect("/setup");
  const { next } = await searchParams;
  if (await getSession()) redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
  const { t } = await getTranslator();
  return (
    <AuthCard title={t("signIn.title")}>
      <SignInForm next={next} />
      <Link href="/forgot-password" className="block text-center text-sm text-brand-600 hover:underline" data-testid="forgot-password-link">
        {t("passwordReset.forgotLink")}
      </Link>
    </AuthCard>
  );
}
