"use client";

import { useState } from "react";
import { useI18n } from "@/i18n/i18n-provider";
import { secondaryButtonClass } from "./control-styles";

// Copies a text to the clipboard and says so for a moment; without clipboard access (plain http,
// denied permission) the text stays selectable next to it.
export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={secondaryButtonClass}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      <span aria-live="polite">{copied ? t("common.copied") : t("common.copy")}</span>
    </button>
  );
}
