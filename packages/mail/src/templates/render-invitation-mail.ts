import { absoluteUrl, type MailContent, type MailLinks, type MailLocale } from "../mail-content";
import { renderLayout } from "../render-layout";
import { formatDay } from "./format-day";

export type MailRole = "owner" | "manager" | "contributor" | "viewer";

export interface InvitationMailInput {
  locale: MailLocale;
  organizationName: string;
  inviterName: string;
  inviterEmail: string;
  role: MailRole;
  // The path with the one-time token (/invite/<token>); the link is shown once to the inviter too.
  acceptPath: string;
  expiresOn: string;
}

const ROLES: Record<MailLocale, Record<MailRole, string>> = {
  vi: { owner: "Chủ sở hữu", manager: "Quản lý", contributor: "Cộng tác viên", viewer: "Người xem" },
  en: { owner: "Owner", manager: "Manager", contributor: "Contributor", viewer: "Viewer" },
};

export function renderInvitationMail(input: InvitationMailInput, links: MailLinks): MailContent {
  const role = ROLES[input.locale][input.role];
  const expires = formatDay(input.locale, input.expiresOn);
  const url = absoluteUrl(links.appUrl, input.acceptPath);
  if (input.locale === "vi") {
    return renderLayout("vi", `Lời mời tham gia ${input.organizationName} trên HopQuy`, {
      paragraphs: [
        `${input.inviterName} (${input.inviterEmail}) mời bạn tham gia tổ chức ${input.organizationName} trên HopQuy với vai trò ${role}.`,
        `Lời mời có hiệu lực đến ngày ${expires}.`,
      ],
      action: { label: "Chấp nhận lời mời", url },
      note: "Nếu bạn không mong đợi lời mời này, hãy bỏ qua email.",
    });
  }
  return renderLayout("en", `Invitation to join ${input.organizationName} on HopQuy`, {
    paragraphs: [
      `${input.inviterName} (${input.inviterEmail}) invites you to join ${input.organizationName} on HopQuy as ${role}.`,
      `The invitation is valid until ${expires}.`,
    ],
    action: { label: "Accept the invitation", url },
    note: "If you did not expect this invitation, you can ignore this e-mail.",
  });
}
