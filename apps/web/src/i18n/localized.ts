import type { Locale } from "./translate";

// Reference data carries vi and/or en text: show the reader's language, fall back to the other.
export function localized(locale: Locale, vi: string | null | undefined, en: string | null | undefined): string {
  return (locale === "vi" ? vi || en : en || vi) ?? "";
}
