"use client";

import { useRouter } from "next/navigation";
import { useI18n } from "@/i18n/i18n-provider";

export function OrganizationSwitcher({ current, organizations }: { current: string; organizations: { slug: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <select
      aria-label={t("nav.switchOrganization")}
      className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      value={current}
      onChange={(event) => {
        const value = event.target.value;
        router.push(value === "__new" ? "/orgs/new" : `/${value}`);
      }}
    >
      {organizations.map((org) => (
        <option key={org.slug} value={org.slug}>
          {org.name}
        </option>
      ))}
      <option value="__new">+ {t("nav.newOrganization")}</option>
    </select>
  );
}
