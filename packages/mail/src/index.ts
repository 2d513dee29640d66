// Pure: settings, content types and templates. The SMTP client is "@hopquy/mail/transport".
export { readMailEnv, isMailConfigured, type MailEnv, type SmtpConfig } from "./env";
export { absoluteUrl, type MailContent, type MailLinks, type MailLocale } from "./mail-content";
export { escapeHtml } from "./escape-html";
export {
  NOTIFICATION_TEMPLATES,
  GENERIC_NOTIFICATION_TEMPLATE,
  resolveNotificationTemplate,
  type NotificationTemplate,
  type MailOrganization,
} from "./templates/notification-templates";
export { renderNotificationMail, type NotificationMailInput } from "./templates/render-notification-mail";
export { renderDigestMail, type DigestMailInput } from "./templates/render-digest-mail";
export { renderInvitationMail, type InvitationMailInput, type MailRole } from "./templates/render-invitation-mail";
export { renderPasswordResetMail, type PasswordResetMailInput } from "./templates/render-password-reset-mail";
