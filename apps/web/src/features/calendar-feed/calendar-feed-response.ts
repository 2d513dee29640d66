import { isAppError, logger, openCalendarFeed } from "@hopquy/core";
import { requestOrigin } from "@/lib/request-origin";
import { renderDeadlineCalendar } from "./render-deadline-calendar";

// Unknown, rotated and revoked tokens, former members and disabled users all get this same answer.
const notFoundResponse = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// The feed a calendar app subscribed to, in the subscriber's language. The URL's secret token is the
// only credential (calendar apps have no session); "<token>.ics" and the bare token both work.
export async function calendarFeedResponse(request: Request, tokenParam: string): Promise<Response> {
  try {
    const feed = await openCalendarFeed(tokenParam.replace(/\.ics$/i, ""));
    const body = renderDeadlineCalendar({
      organization: feed.organization,
      locale: feed.user.locale,
      today: feed.today,
      appOrigin: requestOrigin(request),
      generatedAt: new Date(),
      deadlines: feed.deadlines,
      regulatoryDates: feed.regulatoryDates,
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="hopquy-deadlines.ics"',
        // Never kept by shared caches, and a rotated URL must stop answering at once.
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return notFoundResponse();
    logger.error({ err: error }, "calendar feed failed");
    return new Response("Internal error\n", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
