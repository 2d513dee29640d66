import { isInstanceEmpty } from "@hopquy/core";
import { redirect } from "next/navigation";
import { SetupForm } from "@/features/auth/setup-form";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await isInstanceEmpty())) redirect("/sign-in");
  const { t } = await getTranslator();
  return (
    <AuthCard title={t("setup.title")} intro={t("setup.intro")}>
      <SetupForm />
    </AuthCard>
  );
}
