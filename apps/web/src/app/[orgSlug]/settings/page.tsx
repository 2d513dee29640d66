import { can, getOrganizationOverview } from "@hopquy/core";
import { OrganizationForm } from "@/features/organizations/organization-form";
import { LanguageSwitch } from "@/features/shell/language-switch";
import { SignOutEverywhereButton } from "@/features/shell/sign-out-buttons";
import { getTranslator } from "@/i18n/get-locale";
import { getTenantPageContext } from "@/lib/tenant-page";

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { ctx, user } = await getTenantPageContext((await params).orgSlug);
  const { t } = await getTranslator();
  const { organization } = await getOrganizationOverview(ctx);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("settings.organization")}</h2>
        {can(ctx, "organization:update") ? (
          <OrganizationForm organization={{ slug: organization.slug, name: organization.name, kind: organization.kind }} />
        ) : (
          <p className="text-sm">{organization.name} · {t(`kinds.${organization.kind}`)}</p>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="font-semibold">{t("settings.account")}</h2>
        <p className="text-sm text-slate-600">{user.name} · {user.email}</p>
        <div className="space-y-1">
          <p className="text-sm text-slate-600">{t("settings.languageHelp")}</p>
          <LanguageSwitch />
        </div>
        <SignOutEverywhereButton label={t("common.signOutEverywhere")} />
      </section>
    </div>
  );
}
