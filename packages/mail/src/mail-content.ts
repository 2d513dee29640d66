export type MailLocale = "vi" | "en";

// What every template returns: a rendered message ready for the outbox.
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

// Where links point; templates are pure, the caller passes the configured APP_URL.
export interface MailLinks {
  appUrl: string;
}

export function absoluteUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
