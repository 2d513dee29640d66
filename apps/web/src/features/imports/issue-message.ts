import type { ImportIssue } from "@hopquy/core";
import type { MessageKey, Translate } from "@/i18n/translate";

// Import codes first, then the field messages shared with the SKU form; an unknown code as is.
// Shared by the page (client) and the rejected-rows download (server).
export function issueMessage(t: Translate, issue: Pick<ImportIssue, "code" | "params">): string {
  for (const key of [`imports.issues.${issue.code}`, `errors.${issue.code}`] as MessageKey[]) {
    const text = t(key, issue.params);
    if (text !== key) return text;
  }
  return issue.code;
}
