// The calendar feed as iCalendar text (RFC 5545, via ical-generator): one all-day event per dated
// open obligation and per dated regulatory event, each with display alarms 7 days and 1 day before.
// Pure: the same input gives the same text, and UIDs never change, so calendar apps update events
// in place instead of duplicating them.
import type { CalendarDeadline, RegulatoryDate } from "@hopquy/core";
import ical, { escape, ICalAlarmType, ICalCalendarMethod } from "ical-generator";
import { formatDay } from "@/i18n/format-date";
import { createTranslator, type Locale, type MessageKey, type Translate } from "@/i18n/translate";

export const CALENDAR_TIME_ZONE = "Asia/Ho_Chi_Minh";
const REFRESH_SECONDS = 60 * 60;
const ALARM_DAYS = [7, 1] as const;

export interface DeadlineCalendarInput {
  organization: { slug: string; name: string };
  locale: Locale;
  today: string;
  // Scheme and host the links point at, e.g. "https://hopquy.example".
  appOrigin: string;
  // DTSTAMP of every event: when this copy of the feed was produced.
  generatedAt: Date;
  deadlines: readonly CalendarDeadline[];
  regulatoryDates: readonly RegulatoryDate[];
}

export const deadlineEventUid = (skuId: string, obligationKey: string) => `${skuId}-${obligationKey}@hopquy`;
export const regulatoryEventUid = (eventKey: string) => `regulatory-${eventKey}@hopquy`;

const dayStart = (isoDay: string) => new Date(`${isoDay}T00:00:00.000Z`);

function modelOf(t: Translate, sku: CalendarDeadline["sku"]): string {
  return sku.hardwareRevision ? t("calendarFeed.feed.model", { model: sku.modelCode, revision: sku.hardwareRevision }) : sku.modelCode;
}

// Reason parameters that are days read as days; the rest (versions, counts, classes) as they are.
function reasonText(t: Translate, locale: Locale, reason: CalendarDeadline["reasons"][number]): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason)) {
    if (name === "code" || value === null) continue;
    vars[name] = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(locale, value) : value;
  }
  if (reason.code === "declaration_not_required" && typeof reason.riskClass === "string") vars.riskClass = t(`riskClasses.${reason.riskClass}` as MessageKey);
  const key = `obligations.reasons.${reason.code}` as MessageKey;
  const text = t(key, vars);
  return text === key ? reason.code : text;
}

function obligationLabel(t: Translate, deadline: CalendarDeadline): string {
  const version = deadline.reasons.find((r) => typeof r.version === "string")?.version ?? "";
  return t(`obligations.kinds.${deadline.kind}`, { version: String(version) }).trim();
}

export function renderDeadlineCalendar(input: DeadlineCalendarInput): string {
  const t = createTranslator(input.locale);
  const { locale } = input;
  const calendar = ical({
    // ical-generator writes the calendar's NAME / X-WR-CALNAME / X-WR-CALDESC as given (events' texts
    // it escapes itself): escaped here, so an organization name cannot end a line or add a property.
    name: escape(t("calendarFeed.feed.calendarName", { organization: input.organization.name }), false),
    description: escape(t("calendarFeed.feed.calendarDescription", { organization: input.organization.name }), false),
    prodId: { company: "HopQuy", product: "deadlines", language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: how often subscribed apps should fetch again.
    ttl: REFRESH_SECONDS,
  });

  const addEvent = (uid: string, day: string, summary: string, description: string, url: string | null) => {
    const event = calendar.createEvent({
      id: uid,
      start: dayStart(day),
      allDay: true,
      stamp: input.generatedAt,
      summary,
      description,
      ...(url ? { url } : {}),
    });
    for (const days of ALARM_DAYS) event.createAlarm({ type: ICalAlarmType.display, trigger: days * 24 * 60 * 60, description: summary });
  };

  for (const deadline of input.deadlines) {
    const { sku } = deadline;
    const skuUrl = `${input.appOrigin}/${encodeURIComponent(input.organization.slug)}/skus/${encodeURIComponent(sku.id)}`;
    const summary = t("calendarFeed.feed.summary", { obligation: obligationLabel(t, deadline), model: modelOf(t, sku) });
    const lines = [
      t("calendarFeed.feed.due", { date: formatDay(locale, deadline.dueDate), today: formatDay(locale, input.today), state: t(`obligations.states.${deadline.state}`) }),
      ...deadline.reasons.map((reason) => reasonText(t, locale, reason)),
      t("calendarFeed.feed.openSku", { url: skuUrl }),
    ];
    addEvent(deadlineEventUid(sku.id, deadline.obligationKey), deadline.dueDate, summary, lines.join("\n"), skuUrl);
  }

  for (const date of input.regulatoryDates) {
    const title = (locale === "en" ? date.title.en ?? date.title.vi : date.title.vi ?? date.title.en) ?? date.instrument;
    const confidence = t(`calendarFeed.feed.confidences.${date.confidence}` as MessageKey);
    const lines = [
      title,
      t("calendarFeed.feed.regulatoryInstrument", { instrument: date.instrument }),
      ...(date.status === "not_yet_published" ? [t("calendarFeed.feed.notYetPublished")] : []),
      t("calendarFeed.feed.regulatoryConfidence", { confidence: confidence.startsWith("calendarFeed.") ? date.confidence : confidence }),
      ...(date.note ? [date.note] : []),
    ];
    addEvent(regulatoryEventUid(date.eventKey), date.date, t("calendarFeed.feed.regulatorySummary", { title }), lines.join("\n"), null);
  }

  return withCalendarTimeZone(calendar.toString());
}

// ical-generator's own time-zone option writes DTSTAMP as a floating local time of the server, which
// RFC 5545 forbids; the events here are all-day dates, so the zone is only the calendar's hint, put
// among the calendar properties (before the first component), and the text ends with CRLF as lines must.
function withCalendarTimeZone(text: string): string {
  const header = `X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}\r\n`;
  const at = text.search(/\r\n(BEGIN:V|END:VCALENDAR)/);
  return `${text.slice(0, at + 2)}${header}${text.slice(at + 2)}\r\n`;
}
