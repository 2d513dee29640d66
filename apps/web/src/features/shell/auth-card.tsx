import type { ReactNode } from "react";
import { LanguageSwitch } from "./language-switch";

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-6 rounded-xl bg-white p-8 shadow">
        <div className="flex items-start justify-between gap-4">
          <div>
            <p className="text-sm font-semibold tracking-wide text-brand-600">HopQuy</p>
            <h1 className="text-2xl font-bold">{title}</h1>
          </div>
          <LanguageSwitch />
        </div>
        {intro ? <p className="text-sm text-slate-600">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
