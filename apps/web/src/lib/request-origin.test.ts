import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("requestOrigin", () => {
  it("is the request URL's origin without proxy headers", () => {
    expect(requestOrigin(request("http://localhost:3000/api/calendar/x.ics"))).toBe("http://localhost:3000");
  });

  it("follows the first X-Forwarded-Host / -Proto value behind a proxy", () => {
    const forwarded = request("http://10.0.0.5:3000/api/calendar/x.ics", { "x-forwarded-host": "hopquy.example, internal", "x-forwarded-proto": "https" });
    expect(requestOrigin(forwarded)).toBe("https://hopquy.example");
  });

  it("ignores malformed header values", () => {
    const odd = request("http://localhost:3000/x", { "x-forwarded-host": "evil.example/path?x", "x-forwarded-proto": "javascript" });
    expect(requestOrigin(odd)).toBe("http://localhost:3000");
  });
});
