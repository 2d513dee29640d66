import { escapeHtml } from "./escape-html";
import type { MailContent, MailLocale } from "./mail-content";

export interface MailBlock {
  // Plain sentences; escaped for HTML here, never by the caller.
  paragraphs: string[];
  // A bulleted list (the digest's notifications), each with an optional link.
  items?: { text: string; url?: string }[];
  action?: { label: string; url: string };
  // A smaller closing note ("ignore this e-mail if…").
  note?: string;
}

const FOOTER: Record<MailLocale, string> = {
  vi: "HopQuy — quản lý hợp quy an ninh mạng cho camera IP. Đây là thư tự động, vui lòng không trả lời.",
  en: "HopQuy — cybersecurity conformity for IP cameras in Vietnam. This is an automatic e-mail; please do not reply.",
};

// Header lines cannot carry line breaks (header injection) and stay short.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").replace(/\s{2,}/g, " ").trim().slice(0, 250);
}

// One layout for every e-mail: a plain-text part that reads well on its own and a simple HTML part.
export function renderLayout(locale: MailLocale, subject: string, block: MailBlock): MailContent {
  const safeSubject = oneLine(subject);
  const text = [
    ...block.paragraphs,
    ...(block.items?.length ? [block.items.map((i) => `- ${i.text}${i.url ? `\n  ${i.url}` : ""}`).join("\n")] : []),
    ...(block.action ? [`${block.action.label}: ${block.action.url}`] : []),
    ...(block.note ? [block.note] : []),
    `--\n${FOOTER[locale]}`,
  ].join("\n\n");
  const p = (value: string) => `<p style="margin:0 0 16px">${escapeHtml(value)}</p>`;
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(label)}</a>`;
  const html = [
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(safeSubject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">`,
    `<p style="margin:0 0 16px;font-weight:bold;color:#1d4ed8">HopQuy</p>`,
    ...block.paragraphs.map(p),
    ...(block.items?.length
      ? [`<ul style="margin:0 0 16px;padding-left:20px">${block.items.map((i) => `<li style="margin:0 0 8px">${i.url ? link(i.url, i.text) : escapeHtml(i.text)}</li>`).join("")}</ul>`]
      : []),
    ...(block.action
      ? [`<p style="margin:0 0 16px"><a href="${escapeHtml(block.action.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(block.action.label)}</a></p>`,
         `<p style="margin:0 0 16px;font-size:13px;color:#475569;word-break:break-all">${escapeHtml(block.action.url)}</p>`]
      : []),
    ...(block.note ? [`<p style="margin:0 0 16px;font-size:13px;color:#475569">${escapeHtml(block.note)}</p>`] : []),
    `<p style="margin:24px 0 0;font-size:12px;color:#64748b">${escapeHtml(FOOTER[locale])}</p>`,
    `</div></body></html>`,
  ].join("");
  return { subject: safeSubject, text, html };
}
