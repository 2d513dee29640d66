import { absoluteUrl, type MailContent, type MailLinks, type MailLocale } from "../mail-content";
import { renderLayout } from "../render-layout";
import { resolveNotificationTemplate, type MailOrganization } from "./notification-templates";

export interface NotificationMailInput {
  locale: MailLocale;
  organization: MailOrganization;
  notification: { kind: string; payload: unknown };
}

const COPY = {
  vi: {
    intro: (org: string) => `Thông báo từ tổ chức ${org} trong HopQuy:`,
    open: "Mở trong HopQuy",
    preferences: "Bạn có thể chọn loại thông báo nào được gửi qua email trong phần Cài đặt.",
  },
  en: {
    intro: (org: string) => `A notification from ${org} in HopQuy:`,
    open: "Open in HopQuy",
    preferences: "You can choose which notifications are e-mailed in Settings.",
  },
} as const;

// One notification, e-mailed right away (the recipient's preference for its kind).
export function renderNotificationMail(input: NotificationMailInput, links: MailLinks): MailContent {
  const { template, payload } = resolveNotificationTemplate(input.notification.kind, input.notification.payload);
  const copy = COPY[input.locale];
  return renderLayout(input.locale, template.subject(payload, input.locale, input.organization), {
    paragraphs: [copy.intro(input.organization.name), template.summary(payload, input.locale)],
    action: { label: copy.open, url: absoluteUrl(links.appUrl, `${encodeURIComponent(input.organization.slug)}/${template.path(payload)}`) },
    note: `${copy.preferences} ${absoluteUrl(links.appUrl, `${encodeURIComponent(input.organization.slug)}/settings`)}`,
  });
}
