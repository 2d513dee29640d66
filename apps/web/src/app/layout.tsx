import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "@/i18n/get-locale";
import { I18nProvider } from "@/i18n/i18n-provider";
import "./globals.css";

export const metadata: Metadata = { title: "HopQuy", description: "QCVN 11:2026/BCA compliance for IP cameras" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
