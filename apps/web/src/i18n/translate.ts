import { en } from "./messages-en";
import { vi, type Messages } from "./messages-vi";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "hq_locale";

const dictionaries: Record<Locale, Messages> = { vi, en };

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function createTranslator(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => {
    const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);
    const text = typeof value === "string" ? value : key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

// Error codes and reasons from the server map to messages; unknown ones fall back to the code's message.
export function translateError(t: Translate, error: { code: string; reason?: string }): string {
  const reasonKey = `errors.${error.reason}` as MessageKey;
  if (error.reason && t(reasonKey) !== reasonKey) return t(reasonKey);
  const codeKey = `errors.${error.code}` as MessageKey;
  return t(codeKey) !== codeKey ? t(codeKey) : t("errors.INTERNAL");
}
