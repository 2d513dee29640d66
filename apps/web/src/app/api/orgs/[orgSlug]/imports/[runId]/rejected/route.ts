import { csvText, getRejectedImportRows } from "@hopquy/core";
import { issueMessage } from "@/features/imports/issue-message";
import { getTranslator } from "@/i18n/get-locale";
import { getBlobStore } from "@/lib/blob-store";
import { tenantRoute } from "@/lib/tenant-route";
import { fileResponse } from "@/lib/user-route";

// The rows an import did not write, as the file had them, with the line and the reasons in the
// reader's language in front: fix them and upload the file again.
export const GET = tenantRoute<{ orgSlug: string; runId: string }>("sku:read", async (ctx, _request, params) => {
  const { t } = await getTranslator();
  const rejected = await getRejectedImportRows(ctx, getBlobStore(), params.runId);
  const body = csvText([
    [t("imports.line"), t("imports.reasons"), ...rejected.header],
    ...rejected.rows.map((row) => [String(row.line), row.issues.map((issue) => `${issue.cell ? `${issue.cell}: ` : ""}${issueMessage(t, issue)}`).join(" | "), ...row.cells]),
  ]);
  const base = rejected.fileName.replace(/\.[^.]+$/, "") || "import";
  return fileResponse({ fileName: `${base}-rejected.csv`, contentType: "text/csv; charset=utf-8", body });
});
