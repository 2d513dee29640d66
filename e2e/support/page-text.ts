import type { Page } from "playwright-core";

// The first visible message with role="alert" (Next's route announcer also has that role).
export function alertText(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').first().textContent();
}
