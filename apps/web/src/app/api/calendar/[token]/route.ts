import { calendarFeedResponse } from "@/features/calendar-feed/calendar-feed-response";

export const dynamic = "force-dynamic";

// GET /api/calendar/<token>.ics — a user's iCalendar feed of the organization's deadlines, for
// calendar subscriptions (no session; the secret token in the URL is the credential).
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return calendarFeedResponse(request, (await params).token);
}
