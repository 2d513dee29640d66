import { requireSession } from "@/auth/session";
import { OrganizationForm } from "@/features/organizations/organization-form";
import { AuthCard } from "@/features/shell/auth-card";
import { getTranslator } from "@/i18n/get-locale";

export const dynamic = "force-dynamic";

export default async function NewOrganizationPage() {
  await requireSession();
  const { t } = await getTranslator();
  return (
    <AuthCard title={t("orgs.newTitle")} intro={t("orgs.newIntro")}>
      <OrganizationForm />
    </AuthCard>
  );
}
