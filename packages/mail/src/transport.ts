// The one SMTP client (nodemailer). Imported through "@hopquy/mail/transport" so that code which
// only renders or reads settings (the web app) never loads it.
import nodemailer from "nodemailer";
import type { SmtpConfig } from "./env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  // Stable per outbox row, so the rare resend after a crash carries the same Message-ID.
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

// Short timeouts: a hanging server must fail the attempt well within the outbox lease.
export function createMailTransport(config: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      // A server that takes the message but refuses the only recipient has not accepted it.
      if (info.rejected.length > 0 || info.accepted.length === 0) throw new Error(`SMTP server refused the recipient: ${String(info.response ?? "")}`);
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
