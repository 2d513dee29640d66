import type { CalendarDeadline, RegulatoryDate } from "@hopquy/core";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderDeadlineCalendar, type DeadlineCalendarInput } from "./render-deadline-calendar";

const declaration: CalendarDeadline = {
  sku: { id: "sku_1", modelCode: "CAM,PRO;X", hardwareRevision: "B", brand: "Acme" },
  obligationKey: "declaration",
  kind: "declaration",
  dueDate: "2027-06-30",
  state: "upcoming",
  daysLeft: 208,
  reasons: [{ code: "on_market_before_effective", since: null, effectiveDate: "2027-01-01", graceDays: 180 }],
};
const redeclaration: CalendarDeadline = {
  sku: { id: "sku_2", modelCode: "DOME-2", hardwareRevision: "", brand: "Acme" },
  obligationKey: "redeclaration:fw_9",
  kind: "redeclaration",
  dueDate: "2026-11-30",
  state: "overdue",
  daysLeft: -4,
  reasons: [{ code: "firmware_released", version: "2.1.0", releaseDate: "2026-10-31", declarationFiledOn: "2026-09-01" }],
};
const effective: RegulatoryDate = {
  eventKey: "qcvn11-effective",
  date: "2026-07-01",
  kind: "effective",
  instrument: "Circular 48/2026/TT-BCA",
  regulation: "QCVN_11_2026_BCA",
  title: { vi: "QCVN 11:2026/BCA có hiệu lực", en: "QCVN 11:2026/BCA takes effect" },
  status: "published",
  confidence: "secondary",
  note: null,
};

const input = (overrides: Partial<DeadlineCalendarInput> = {}): DeadlineCalendarInput => ({
  organization: { slug: "acme-cams", name: "Acme, Cameras; Vietnam" },
  locale: "vi",
  today: "2026-12-04",
  appOrigin: "https://hopquy.example",
  generatedAt: new Date("2026-12-04T08:00:00.000Z"),
  deadlines: [declaration, redeclaration],
  regulatoryDates: [effective],
  ...overrides,
});

// ical.js knows RFC 5545's properties only: the calendar-name and refresh properties (RFC 7986 and
// the X-WR-/X-PUBLISHED- ones calendar apps read) get the value types those apps give them.
Object.assign(ICAL.design.icalendar.property, {
  name: { defaultType: "text" },
  "x-wr-calname": { defaultType: "text" },
  "x-wr-caldesc": { defaultType: "text" },
  "x-wr-timezone": { defaultType: "text" },
  "refresh-interval": { defaultType: "duration" },
  "x-published-ttl": { defaultType: "duration" },
});

// Parses the feed back with ical.js (a full RFC 5545 parser), not with string matching.
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      url: component.getFirstPropertyValue("url"),
      stamp: component.getFirstProperty("dtstamp")?.toICALString(),
      alarms: component.getAllSubcomponents("valarm").map((alarm) => ({
        action: alarm.getFirstPropertyValue("action"),
        trigger: String(alarm.getFirstPropertyValue("trigger")),
      })),
    };
  });
  return { calendar, events, byUid: new Map(events.map((e) => [e.uid, e])) };
}

describe("renderDeadlineCalendar", () => {
  it("renders one all-day event per deadline and regulatory date, with stable UIDs", () => {
    const first = renderDeadlineCalendar(input());
    const again = renderDeadlineCalendar(input({ generatedAt: new Date("2026-12-05T09:00:00.000Z"), deadlines: [redeclaration, declaration] }));
    const { events, byUid } = parse(first);
    expect(events.map((e) => e.uid).sort()).toEqual(["regulatory-qcvn11-effective@hopquy", "sku_1-declaration@hopquy", "sku_2-redeclaration:fw_9@hopquy"]);
    expect(parse(again).events.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());

    const due = byUid.get("sku_1-declaration@hopquy")!;
    expect(due.start.isDate).toBe(true);
    expect(due.start.toString()).toBe("2027-06-30");
    expect(byUid.get("regulatory-qcvn11-effective@hopquy")!.start.toString()).toBe("2026-07-01");
    expect(first).toContain("\r\nDTSTART;VALUE=DATE:20270630\r\n");
    // DTSTAMP is a UTC moment (RFC 5545 §3.8.7.2), never a floating local time.
    expect(due.stamp).toBe("DTSTAMP:20261204T080000Z");
  });

  it("reminds 7 days and 1 day before each event", () => {
    for (const event of parse(renderDeadlineCalendar(input())).events) {
      expect(event.alarms).toEqual([
        { action: "DISPLAY", trigger: "-P7D" },
        { action: "DISPLAY", trigger: "-P1D" },
      ]);
    }
  });

  it("names the calendar after the organization, in Vietnamese time, with refresh hints", () => {
    const text = renderDeadlineCalendar(input());
    const { calendar } = parse(text);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("HopQuy · Acme, Cameras; Vietnam");
    expect(calendar.getFirstPropertyValue("name")).toBe("HopQuy · Acme, Cameras; Vietnam");
    expect(calendar.getFirstPropertyValue("x-wr-caldesc")).toBe("Hạn tuân thủ và mốc quy định của Acme, Cameras; Vietnam");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Ho_Chi_Minh");
    expect(String(calendar.getFirstPropertyValue("x-published-ttl"))).toBe("PT1H");
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT1H");
    // Calendar properties come before the first component, as RFC 5545's grammar has it.
    expect(text.indexOf("X-WR-TIMEZONE")).toBeLessThan(text.indexOf("BEGIN:VEVENT"));
  });

  it("escapes commas and semicolons in model and organization names, so they parse back intact", () => {
    const text = renderDeadlineCalendar(input());
    expect(text).toContain("CAM\\,PRO\\;X");
    expect(text).toContain("X-WR-CALNAME:HopQuy · Acme\\, Cameras\\; Vietnam");
    expect(parse(text).byUid.get("sku_1-declaration@hopquy")!.summary).toBe("Công bố hợp quy: CAM,PRO;X (phần cứng B)");
  });

  it("keeps a line break in a name inside its property", () => {
    const text = renderDeadlineCalendar(input({ organization: { slug: "x", name: "Evil\r\nX-INJECTED:1" } }));
    const { calendar } = parse(text);
    expect(calendar.getFirstPropertyValue("x-injected")).toBeNull();
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("HopQuy · Evil\nX-INJECTED:1");
  });

  it("speaks Vietnamese by default and English for English users, with the reason and the SKU link", () => {
    const vi = parse(renderDeadlineCalendar(input())).byUid;
    expect(vi.get("sku_2-redeclaration:fw_9@hopquy")!.summary).toBe("Công bố lại cho firmware 2.1.0: DOME-2");
    expect(vi.get("sku_1-declaration@hopquy")!.description).toContain("Lưu hành từ ngày");
    expect(vi.get("sku_1-declaration@hopquy")!.description).toContain("hạn là 180 ngày sau ngày hiệu lực");
    expect(vi.get("sku_1-declaration@hopquy")!.description).toContain("Mở sản phẩm: https://hopquy.example/acme-cams/skus/sku_1");
    expect(vi.get("sku_1-declaration@hopquy")!.url).toBe("https://hopquy.example/acme-cams/skus/sku_1");
    expect(vi.get("regulatory-qcvn11-effective@hopquy")!.summary).toBe("Mốc quy định: QCVN 11:2026/BCA có hiệu lực");

    const en = parse(renderDeadlineCalendar(input({ locale: "en" }))).byUid;
    expect(en.get("sku_1-declaration@hopquy")!.summary).toBe("Declaration of conformity: CAM,PRO;X (hardware B)");
    expect(en.get("sku_2-redeclaration:fw_9@hopquy")!.summary).toBe("Re-declaration for firmware 2.1.0: DOME-2");
    const description = en.get("sku_2-redeclaration:fw_9@hopquy")!.description;
    expect(description).toContain("Due: 30/11/2026. State on 04/12/2026: Overdue.");
    expect(description).toContain("Firmware 2.1.0 released on 31/10/2026, after the declaration of 01/09/2026.");
    expect(description).toContain("Open the product: https://hopquy.example/acme-cams/skus/sku_2");
    expect(en.get("regulatory-qcvn11-effective@hopquy")!.summary).toBe("Regulatory date: QCVN 11:2026/BCA takes effect");
    expect(en.get("regulatory-qcvn11-effective@hopquy")!.description).toContain("Confidence in the date: secondary source");
  });

  it("writes CRLF line endings and folds long lines at 75 octets", () => {
    const longName = `Công ty TNHH Thiết bị An ninh Mạng ${"Việt Nam ".repeat(10)}`.trim();
    const text = renderDeadlineCalendar(input({ organization: { slug: "x", name: longName } }));
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(parse(text).calendar.getFirstPropertyValue("x-wr-calname")).toBe(`HopQuy · ${longName}`);
  });

  it("is a valid empty calendar when there is nothing dated", () => {
    const { calendar, events } = parse(renderDeadlineCalendar(input({ deadlines: [], regulatoryDates: [] })));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Ho_Chi_Minh");
  });
});
