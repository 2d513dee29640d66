import { absoluteUrl, type MailContent, type MailLinks, type MailLocale } from "../mail-content";
import { renderLayout } from "../render-layout";
import { formatDay } from "./format-day";
import { resolveNotificationTemplate, type MailOrganization } from "./notification-templates";

export interface DigestMailInput {
  locale: MailLocale;
  // The business day (ISO) the digest is for.
  day: string;
  // Grouped by organization: a consultant's digest covers every organization they belong to.
  organizations: { organization: MailOrganization; notifications: { kind: string; payload: unknown }[] }[];
  // Notifications left out of the list (shown as "and N more"); the page has them all.
  more?: number;
  // "batch": many immediate notifications at once (a sweep, a list publication) in one mail.
  occasion?: "digest" | "batch";
}

const COPY = {
  vi: {
    subject: (count: number, day: string) => `HopQuy: ${count} thông báo mới (${day})`,
    intro: (count: number) => `Bạn có ${count} thông báo chưa đọc:`,
    organization: (name: string, count: number) => `${name} (${count}):`,
    open: "Xem tất cả thông báo",
    preferences: "Thư tóm tắt được gửi mỗi ngày một lần; bạn có thể đổi cách nhận thông báo trong phần Cài đặt.",
    batch: "Nhiều thông báo đến cùng lúc được gộp vào một thư; bạn có thể đổi cách nhận thông báo trong phần Cài đặt.",
    more: (count: number) => `… và ${count} thông báo khác.`,
  },
  en: {
    subject: (count: number, day: string) => `HopQuy: ${count} new notifications (${day})`,
    intro: (count: number) => `You have ${count} unread notifications:`,
    organization: (name: string, count: number) => `${name} (${count}):`,
    open: "See all notifications",
    preferences: "The digest is sent at most once a day; you can change how notifications reach you in Settings.",
    batch: "Many notifications at once come in one e-mail; you can change how notifications reach you in Settings.",
    more: (count: number) => `… and ${count} more.`,
  },
} as const;

// The daily digest: one line per notification, linked to its page, grouped by organization.
export function renderDigestMail(input: DigestMailInput, links: MailLinks): MailContent {
  const copy = COPY[input.locale];
  const count = input.organizations.reduce((sum, o) => sum + o.notifications.length, 0) + (input.more ?? 0);
  const paragraphs = [copy.intro(count)];
  const items: { text: string; url?: string }[] = [];
  for (const { organization, notifications } of input.organizations) {
    const slug = encodeURIComponent(organization.slug);
    items.push({ text: copy.organization(organization.name, notifications.length), url: absoluteUrl(links.appUrl, `${slug}/notifications`) });
    for (const notification of notifications) {
      const { template, payload } = resolveNotificationTemplate(notification.kind, notification.payload);
      items.push({ text: `· ${template.summary(payload, input.locale)}`, url: absoluteUrl(links.appUrl, `${slug}/${template.path(payload)}`) });
    }
  }
  if (input.more) items.push({ text: copy.more(input.more) });
  const first = input.organizations[0]?.organization.slug;
  return renderLayout(input.locale, copy.subject(count, formatDay(input.locale, input.day)), {
    paragraphs,
    items,
    action: first ? { label: copy.open, url: absoluteUrl(links.appUrl, `${encodeURIComponent(first)}/notifications`) } : undefined,
    note: input.occasion === "batch" ? copy.batch : copy.preferences,
  });
}
