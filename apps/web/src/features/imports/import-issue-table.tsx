"use client";

import type { ImportIssue } from "@hopquy/core";
import { useState } from "react";
import { secondaryButtonClass } from "@/features/shell/form-parts";
import { useI18n } from "@/i18n/i18n-provider";
import { issueMessage } from "./issue-message";

const PAGE = 100;

// Thousands of problems stay readable: a page of 100 at a time.
export function ImportIssueTable({ issues, issueCount }: { issues: ImportIssue[]; issueCount: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(0);
  if (issues.length === 0) return null;
  const pages = Math.ceil(issues.length / PAGE);
  const shown = issues.slice(page * PAGE, (page + 1) * PAGE);
  return (
    <div className="space-y-2">
      <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="import-issues">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-2">{t("imports.line")}</th>
            <th className="p-2">{t("imports.cell")}</th>
            <th className="p-2">{t("imports.column")}</th>
            <th className="p-2">{t("imports.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((issue, index) => (
            <tr key={`${page}-${index}`} className="border-t border-slate-100 align-top">
              <td className="p-2 font-mono">{issue.line}</td>
              <td className="p-2 font-mono">{issue.cell ?? ""}</td>
              <td className="p-2">{issue.header ?? issue.column ?? ""}</td>
              <td className={`p-2 ${issue.severity === "warning" ? "text-amber-800" : ""}`}>{issueMessage(t, issue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        {pages > 1 ? (
          <>
            <button type="button" className={secondaryButtonClass} disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t("common.previous")}
            </button>
            <span>{t("imports.showing", { from: page * PAGE + 1, to: page * PAGE + shown.length, total: issues.length })}</span>
            <button type="button" className={secondaryButtonClass} disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
              {t("common.next")}
            </button>
          </>
        ) : null}
        {issueCount > issues.length ? <span>{t("imports.truncated", { shown: issues.length, total: issueCount })}</span> : null}
      </div>
    </div>
  );
}
