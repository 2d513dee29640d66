import { absoluteUrl, type MailContent, type MailLinks, type MailLocale } from "../mail-content";
import { renderLayout } from "../render-layout";

export interface PasswordResetMailInput {
  locale: MailLocale;
  // /reset-password?token=… (the token is only in this e-mail; the database keeps its hash).
  resetPath: string;
  expiresInMinutes: number;
}

export function renderPasswordResetMail(input: PasswordResetMailInput, links: MailLinks): MailContent {
  const url = absoluteUrl(links.appUrl, input.resetPath);
  if (input.locale === "vi") {
    return renderLayout("vi", "Đặt lại mật khẩu HopQuy", {
      paragraphs: [
        "Ai đó (có thể là bạn) đã yêu cầu đặt lại mật khẩu cho tài khoản HopQuy gắn với địa chỉ email này.",
        `Liên kết dưới đây dùng được một lần và hết hạn sau ${input.expiresInMinutes} phút. Sau khi đặt mật khẩu mới, mọi phiên đăng nhập khác sẽ bị đăng xuất.`,
      ],
      action: { label: "Đặt mật khẩu mới", url },
      note: "Nếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn không thay đổi.",
    });
  }
  return renderLayout("en", "Reset your HopQuy password", {
    paragraphs: [
      "Someone (probably you) asked to reset the password of the HopQuy account with this e-mail address.",
      `The link below works once and expires in ${input.expiresInMinutes} minutes. Setting a new password signs out every other session.`,
    ],
    action: { label: "Choose a new password", url },
    note: "If you did not ask for this, ignore this e-mail: your password stays unchanged.",
  });
}
