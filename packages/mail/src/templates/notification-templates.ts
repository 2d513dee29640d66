import { z } from "zod";
import type { MailLocale } from "../mail-content";
import { formatDay } from "./format-day";

export interface MailOrganization {
  name: string;
  slug: string;
}

// How one notification kind reads in an e-mail. `payload` lists only the fields the e-mail uses
// (the stored payload is the kind's snapshot, defined in core); a row that does not match falls
// back to the generic template rather than failing the mail.
export interface NotificationTemplate<P> {
  payload: z.ZodType<P>;
  subject(payload: P, locale: MailLocale, organization: MailOrganization): string;
  // One sentence: the body of the immediate e-mail and the digest's line.
  summary(payload: P, locale: MailLocale): string;
  // Page inside the organization the e-mail links to.
  path(payload: P): string;
}

const define = <P>(template: NotificationTemplate<P>) => template as NotificationTemplate<unknown>;

const expiry = z.object({ evidenceId: z.string(), title: z.string(), expiryDate: z.string(), daysLeft: z.number().int().optional() });
const deadline = z.object({ skuId: z.string(), modelCode: z.string(), obligationKind: z.enum(["declaration", "certification", "redeclaration"]), dueDate: z.string(), daysLeft: z.number().int() });
const OBLIGATIONS: Record<MailLocale, Record<"declaration" | "certification" | "redeclaration", string>> = {
  vi: { declaration: "Công bố hợp quy", certification: "Chứng nhận hợp quy", redeclaration: "Công bố lại" },
  en: { declaration: "The declaration of conformity", certification: "The conformity certification", redeclaration: "The re-declaration" },
};
const catalogChange = z.object({ label: z.string(), revision: z.number().int(), affectedAssessments: z.number().int(), affectedSkus: z.number().int() });

// Adding a kind is adding one entry; kinds without one use GENERIC_NOTIFICATION_TEMPLATE.
export const NOTIFICATION_TEMPLATES: Record<string, NotificationTemplate<unknown>> = {
  "evidence.expiring": define({
    payload: expiry,
    subject: (p, locale, org) =>
      locale === "vi" ? `[${org.name}] Bằng chứng sắp hết hạn: ${p.title}` : `[${org.name}] Evidence expiring: ${p.title}`,
    summary: (p, locale) => {
      const date = formatDay(locale, p.expiryDate);
      const days = p.daysLeft ?? 0;
      if (locale === "vi") {
        if (days <= 0) return `“${p.title}” hết hạn hôm nay (${date}): từ ngày mai không còn được tính là bằng chứng.`;
        return `“${p.title}” hết hạn sau ${days} ngày (${date}).`;
      }
      if (days <= 0) return `“${p.title}” expires today (${date}): from tomorrow it no longer counts as evidence.`;
      return days === 1 ? `“${p.title}” expires tomorrow (${date}).` : `“${p.title}” expires in ${days} days (${date}).`;
    },
    path: (p) => `evidence/${encodeURIComponent(p.evidenceId)}`,
  }),
  "evidence.expired": define({
    payload: expiry,
    subject: (p, locale, org) => (locale === "vi" ? `[${org.name}] Bằng chứng đã hết hạn: ${p.title}` : `[${org.name}] Evidence expired: ${p.title}`),
    summary: (p, locale) =>
      locale === "vi"
        ? `“${p.title}” đã hết hạn ngày ${formatDay(locale, p.expiryDate)} và không còn được tính là bằng chứng.`
        : `“${p.title}” expired on ${formatDay(locale, p.expiryDate)} and no longer counts as evidence.`,
    path: (p) => `evidence/${encodeURIComponent(p.evidenceId)}`,
  }),
  "catalog.changed": define({
    payload: catalogChange,
    subject: (p, locale, org) =>
      locale === "vi" ? `[${org.name}] Danh mục thay đổi: ${p.label} (bản ${p.revision})` : `[${org.name}] Catalog changed: ${p.label} (revision ${p.revision})`,
    summary: (p, locale) =>
      locale === "vi"
        ? `${p.label} (bản ${p.revision}) thay đổi: ${p.affectedAssessments} đánh giá của ${p.affectedSkus} SKU cần xem xét lại.`
        : `${p.label} (revision ${p.revision}) changed: ${p.affectedAssessments} assessments of ${p.affectedSkus} SKUs need review.`,
    path: () => "catalog-changes",
  }),
  "risk-list.published": define({
    payload: z.object({ label: z.string(), reclassifiedSkus: z.number().int(), conflicts: z.number().int() }),
    subject: (p, locale, org) => (locale === "vi" ? `[${org.name}] Danh sách rủi ro mới: ${p.label}` : `[${org.name}] New risk list: ${p.label}`),
    summary: (p, locale) =>
      locale === "vi"
        ? `${p.label} đã được áp dụng: ${p.reclassifiedSkus} SKU được phân loại lại${p.conflicts ? `, ${p.conflicts} phân loại thủ công cần xem lại` : ""}.`
        : `${p.label} was applied: ${p.reclassifiedSkus} SKUs reclassified${p.conflicts ? `, ${p.conflicts} manual classes to review` : ""}.`,
    path: () => "skus",
  }),
  "deadline.due": define({
    payload: deadline,
    subject: (p, locale, org) => (locale === "vi" ? `[${org.name}] Sắp đến hạn: ${p.modelCode}` : `[${org.name}] Deadline approaching: ${p.modelCode}`),
    summary: (p, locale) => {
      const date = formatDay(locale, p.dueDate);
      const what = OBLIGATIONS[locale][p.obligationKind];
      if (locale === "vi") return p.daysLeft <= 0 ? `${what} cho ${p.modelCode} đến hạn hôm nay (${date}).` : `${what} cho ${p.modelCode} đến hạn sau ${p.daysLeft} ngày (${date}).`;
      return p.daysLeft <= 0 ? `${what} for ${p.modelCode} is due today (${date}).` : `${what} for ${p.modelCode} is due in ${p.daysLeft} days (${date}).`;
    },
    path: (p) => `skus/${encodeURIComponent(p.skuId)}`,
  }),
  "deadline.overdue": define({
    payload: deadline,
    subject: (p, locale, org) => (locale === "vi" ? `[${org.name}] Quá hạn: ${p.modelCode}` : `[${org.name}] Overdue: ${p.modelCode}`),
    summary: (p, locale) =>
      locale === "vi"
        ? `${OBLIGATIONS.vi[p.obligationKind]} cho ${p.modelCode} đã quá hạn từ ${formatDay(locale, p.dueDate)}.`
        : `${OBLIGATIONS.en[p.obligationKind]} for ${p.modelCode} has been overdue since ${formatDay(locale, p.dueDate)}.`,
    path: (p) => `skus/${encodeURIComponent(p.skuId)}`,
  }),
};

// For kinds this version has no entry for: say that something happened and link to the list.
export const GENERIC_NOTIFICATION_TEMPLATE: NotificationTemplate<{ title?: string }> = {
  payload: z.object({ title: z.string().optional() }),
  subject: (p, locale, org) =>
    locale === "vi" ? `[${org.name}] Thông báo mới${p.title ? `: ${p.title}` : ""}` : `[${org.name}] New notification${p.title ? `: ${p.title}` : ""}`,
  summary: (p, locale) =>
    locale === "vi"
      ? `Có một thông báo mới${p.title ? ` về “${p.title}”` : ""} trong HopQuy.`
      : `There is a new notification${p.title ? ` about “${p.title}”` : ""} in HopQuy.`,
  path: () => "notifications",
};

// The template for a stored notification, with its payload parsed; never throws.
export function resolveNotificationTemplate(kind: string, payload: unknown): { template: NotificationTemplate<unknown>; payload: unknown } {
  const entry = Object.hasOwn(NOTIFICATION_TEMPLATES, kind) ? NOTIFICATION_TEMPLATES[kind] : undefined;
  const parsed = entry?.payload.safeParse(payload);
  if (entry && parsed?.success) return { template: entry, payload: parsed.data };
  const generic = GENERIC_NOTIFICATION_TEMPLATE.payload.safeParse(payload);
  return { template: GENERIC_NOTIFICATION_TEMPLATE as NotificationTemplate<unknown>, payload: generic.success ? generic.data : {} };
}
