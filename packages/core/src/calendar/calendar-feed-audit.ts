// Audit actions of the per-user calendar feed; the token and its hash never appear in the trail.
export const CALENDAR_FEED_ACTIONS = {
  created: "calendar_feed.created",
  rotated: "calendar_feed.rotated",
  revoked: "calendar_feed.revoked",
} as const;

export const CALENDAR_FEED_TARGET = "calendar_feed";
